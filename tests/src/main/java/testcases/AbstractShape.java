package testcases;

/** Abstract superclass of Square and Circle, for instanceof against a superclass. */
public abstract class AbstractShape implements Shape {
    public String kind() { return getClass().getSimpleName().toLowerCase(); }
}
