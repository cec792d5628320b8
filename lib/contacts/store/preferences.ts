import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { users } from '../../db/schema';
import { NAME_ORDERS, type NameOrder } from './types';

const isNameOrder = (v: unknown): v is NameOrder => NAME_ORDERS.includes(v as NameOrder);

/** How the owner sorts names: by first name or by last name (kept between visits). */
export async function getNameOrder(ownerId: string): Promise<NameOrder> {
  const db = await getDb();
  const [row] = await db
    .select({ order: users.nameOrder })
    .from(users)
    .where(eq(users.id, ownerId));
  return isNameOrder(row?.order) ? row.order : 'last';
}

export async function setNameOrder(ownerId: string, order: NameOrder): Promise<void> {
  if (!isNameOrder(order)) throw new Error(`unknown name order: ${String(order)}`);
  const db = await getDb();
  await db.update(users).set({ nameOrder: order }).where(eq(users.id, ownerId));
}
