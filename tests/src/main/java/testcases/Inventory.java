package testcases;

import java.util.ArrayList;
import java.util.List;

/** A static nested class (Item) and an inner, non-static class (Slot). */
public class Inventory {
    private final List<Item> items = new ArrayList<>();
    public final String owner;

    public Inventory(String owner) { this.owner = owner; }

    public Inventory add(Item item) {
        items.add(item);
        return this;
    }

    public int size() { return items.size(); }

    public Item find(String name) {
        for (Item i : items) {
            if (i.name.equals(name)) return i;
        }
        return null;
    }

    public int totalQuantity() {
        int total = 0;
        for (Item i : items) total += i.quantity;
        return total;
    }

    public static class Item {
        public final String name;
        public int quantity;

        public Item(String name, int quantity) {
            this.name = name;
            this.quantity = quantity;
        }

        public static Item of(String name) { return new Item(name, 1); }

        @Override
        public String toString() { return name + " x" + quantity; }
    }

    /** Inner class: its constructor takes the enclosing Inventory first. */
    public class Slot {
        public final int index;

        public Slot(int index) { this.index = index; }

        public Inventory inventory() { return Inventory.this; }

        public String describe() { return owner + "#" + index; }
    }
}
