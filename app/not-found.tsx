import { NotFoundContent } from '@/components/not-found-content';

export const metadata = { title: 'Page not found · Contact Cards' };

export default function NotFound() {
  return <NotFoundContent />;
}
