package testcases.extra;

import testcases.Person;

/** Loaded at run time by jvm.load(): not on the initial classpath. */
public class Extra {
    public static String hello() { return "hello from extra"; }

    /** Uses a class from the initial classpath: the loaded jar sees it. */
    public static Person person(String name) { return new Person(name, 1); }

    public static class Nested {
        public static int seven() { return 7; }
    }
}
