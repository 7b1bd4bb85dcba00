package testcases.faults;

/** A class whose static initializer throws: Java gives ExceptionInInitializerError, then NoClassDefFoundError. */
public class BadInit {
    public static int counter = init();
    public static final String NAME = "bad";

    private static int init() {
        if (Boolean.parseBoolean("true")) {
            throw new IllegalStateException("static initializer failed on purpose");
        }
        return 1;
    }

    public BadInit() {
    }

    public static int value() {
        return counter;
    }

    public int instanceValue() {
        return counter;
    }
}
