package com.example.shop;

import dev.napijava.JSExport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A named stock of items, by reference (a JS class over this Java object). Its JavaBeans accessors
 * are JS properties: {@code inventory.name}, {@code inventory.count}.
 */
@JSExport(beanProperties = true)
public class Inventory {
    /** The most items one inventory holds. */
    public static final int MAX_ITEMS = 1000;

    private String name;
    private Color color = Color.RED;
    private Point location = new Point(0, 0);
    private final Map<String, Integer> quantities = new LinkedHashMap<>();
    private final List<PriceListener> listeners = new ArrayList<>();

    /** An inventory named "default". */
    public Inventory() {
        this("default");
    }

    /**
     * An empty inventory.
     *
     * @param name what to call it
     */
    public Inventory(String name) {
        this.name = name;
    }

    /** An inventory holding one of each item. */
    public static Inventory of(String name, String... items) {
        Inventory inv = new Inventory(name);
        for (String item : items) {
            inv.add(item, 1, 0);
        }
        return inv;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an inventory needs a name");
        }
        this.name = name;
    }

    /** How many items in all (read-only: no setter). */
    public int getCount() {
        int n = 0;
        for (int q : quantities.values()) {
            n += q;
        }
        return n;
    }

    public boolean isEmpty() {
        return quantities.isEmpty();
    }

    public Color getColor() {
        return color;
    }

    public void setColor(Color color) {
        this.color = color;
    }

    /** Where the inventory stands: a plain object. */
    public Point getLocation() {
        return location;
    }

    public void setLocation(Point location) {
        this.location = location;
    }

    /**
     * Adds items and tells the listeners.
     *
     * @return the item's new quantity
     */
    public int add(String item, int quantity, double price) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
        if (getCount() + quantity > MAX_ITEMS) {
            throw new IllegalStateException("an inventory holds at most " + MAX_ITEMS + " items");
        }
        int q = quantities.merge(item, quantity, Integer::sum);
        for (PriceListener l : listeners) {
            l.onPrice(item, price);
        }
        return q;
    }

    /** The quantity of one item (0 when absent). */
    public int quantity(String item) {
        return quantities.getOrDefault(item, 0);
    }

    /** Calls the listener for every item added from now on. */
    public void onPrice(PriceListener listener) {
        listeners.add(listener);
    }

    /** A copy of the quantities by item. */
    public Map<String, Integer> snapshot() {
        return new LinkedHashMap<>(quantities);
    }

    /** The item names, in the order they were first added. */
    public List<String> items() {
        return new ArrayList<>(quantities.keySet());
    }

    /** The count, computed on another thread: a Promise in JS. */
    public CompletableFuture<Integer> countLater() {
        return CompletableFuture.supplyAsync(this::getCount);
    }

    /** Where the inventory moves to next, once the JS promise settles. */
    public CompletableFuture<Point> moveLater(CompletableFuture<Point> to) {
        return to.thenApply(p -> {
            location = p;
            return p;
        });
    }
}
