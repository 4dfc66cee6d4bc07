package dev.tradewind.engine.book;

/** One price level: an intrusive FIFO of orders (time priority) and their total open quantity. */
final class Level {
    long price;
    long quantity;
    int count;
    Order head;
    Order tail;
    BookSide side;

    void append(Order order) {
        order.prev = tail;
        order.next = null;
        if (tail == null) {
            head = order;
        } else {
            tail.next = order;
        }
        tail = order;
        order.level = this;
        quantity += order.remaining();
        count++;
    }

    void unlink(Order order) {
        Order p = order.prev;
        Order n = order.next;
        if (p == null) {
            head = n;
        } else {
            p.next = n;
        }
        if (n == null) {
            tail = p;
        } else {
            n.prev = p;
        }
        order.prev = null;
        order.next = null;
        order.level = null;
        quantity -= order.remaining();
        count--;
    }
}
