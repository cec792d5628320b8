import { openDatabase } from '@/lib/db/client';

export const dynamic = 'force-dynamic';

/** 200 when the database answers within two seconds, 503 otherwise. Public: load balancers poll it. */
export async function GET() {
  try {
    const { ping } = await openDatabase();
    await ping(2000);
    return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
  } catch {
    return Response.json(
      { status: 'unavailable' },
      { status: 503, headers: { 'cache-control': 'no-store', 'retry-after': '5' } },
    );
  }
}
