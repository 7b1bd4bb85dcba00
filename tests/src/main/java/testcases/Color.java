package testcases;

/** An enum with fields and methods. */
public enum Color {
    RED(0xff0000), GREEN(0x00ff00), BLUE(0x0000ff);

    private final int rgb;

    Color(int rgb) { this.rgb = rgb; }

    public String hex() { return String.format("#%06x", rgb); }

    public Color next() { return values()[(ordinal() + 1) % values().length]; }

    public static int mix(Color a, Color b) { return a.rgb | b.rgb; }

    public static boolean isRed(Color c) { return c == RED; }
}
