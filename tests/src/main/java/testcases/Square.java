package testcases;

public class Square extends AbstractShape {
    public final double side;

    public Square(double side) { this.side = side; }

    @Override
    public double area() { return side * side; }
}
