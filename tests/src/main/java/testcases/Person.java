package testcases;

/** A plain class with a toString(). */
public class Person {
    public final String name;
    public int age;

    public Person(String name, int age) {
        this.name = name;
        this.age = age;
    }

    public String getName() { return name; }
    public int getAge() { return age; }

    public Person older(int years) { return new Person(name, age + years); }

    @Override
    public String toString() { return "Person(" + name + ", " + age + ")"; }
}
