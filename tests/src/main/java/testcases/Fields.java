package testcases;

/** Instance and static fields, including final ones. */
public class Fields {
    public int count;
    public long big;
    public double ratio;
    public boolean flag;
    public char letter = 'a';
    public String name = "initial";
    public Person person;
    public final int fixed = 42;
    public final String fixedName;

    public static int counter;
    public static String label = "static label";
    public static final String CONSTANT = "constant";
    public static final int ANSWER = 42;
    public static final long BIG_CONSTANT = Long.MAX_VALUE;

    public Fields() { fixedName = "fixed name"; }

    public int getCount() { return count; }
    public long getBig() { return big; }
    public String getName() { return name; }
    public char getLetter() { return letter; }
    public Person getPerson() { return person; }
    public static int getCounter() { return counter; }
    public static String getLabel() { return label; }
}
