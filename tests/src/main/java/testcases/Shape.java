package testcases;

/** An interface with a static method and a default method. */
public interface Shape {
    double area();

    default String describe() { return getClass().getSimpleName() + " with area " + area(); }

    static Shape unit() { return new Square(1); }

    static double totalArea(Shape... shapes) {
        double total = 0;
        for (Shape s : shapes) total += s.area();
        return total;
    }
}
