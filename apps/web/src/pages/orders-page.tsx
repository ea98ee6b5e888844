import { OrdersList } from '../features/orders/orders-list.tsx';

export function OrdersPage() {
  return <OrdersList />;
}
