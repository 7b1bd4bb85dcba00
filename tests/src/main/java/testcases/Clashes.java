package testcases;

/** Java members whose names are also own properties of JS functions (name, length). */
public class Clashes {
    public static String name = "static field called name";

    public static int length() { return 3; }

    public String name() { return "instance method called name"; }
}
