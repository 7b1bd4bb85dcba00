package testcases;

public class Circle extends AbstractShape {
    public final double radius;

    public Circle(double radius) { this.radius = radius; }

    @Override
    public double area() { return Math.PI * radius * radius; }

    @Override
    public String describe() { return "circle r=" + radius; }
}
