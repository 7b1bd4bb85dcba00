package bench.exported;

import dev.napijava.JSExport;

/** A class with many members: its first projection is where glue saves the member scan (module load row). */
@JSExport
public class Wide {
    private long total;

    /** The first call of the module-load row: 3 + 4. */
    public static int seven() {
        return 3 + 4;
    }

    public long add0(int v) {
        return total += v + 0;
    }

    public String name0(String prefix, double d) {
        return prefix + 0 + d;
    }

    public long add1(int v) {
        return total += v + 1;
    }

    public String name1(String prefix, double d) {
        return prefix + 1 + d;
    }

    public long add2(int v) {
        return total += v + 2;
    }

    public String name2(String prefix, double d) {
        return prefix + 2 + d;
    }

    public long add3(int v) {
        return total += v + 3;
    }

    public String name3(String prefix, double d) {
        return prefix + 3 + d;
    }

    public long add4(int v) {
        return total += v + 4;
    }

    public String name4(String prefix, double d) {
        return prefix + 4 + d;
    }

    public long add5(int v) {
        return total += v + 5;
    }

    public String name5(String prefix, double d) {
        return prefix + 5 + d;
    }

    public long add6(int v) {
        return total += v + 6;
    }

    public String name6(String prefix, double d) {
        return prefix + 6 + d;
    }

    public long add7(int v) {
        return total += v + 7;
    }

    public String name7(String prefix, double d) {
        return prefix + 7 + d;
    }

    public long add8(int v) {
        return total += v + 8;
    }

    public String name8(String prefix, double d) {
        return prefix + 8 + d;
    }

    public long add9(int v) {
        return total += v + 9;
    }

    public String name9(String prefix, double d) {
        return prefix + 9 + d;
    }

    public long add10(int v) {
        return total += v + 10;
    }

    public String name10(String prefix, double d) {
        return prefix + 10 + d;
    }

    public long add11(int v) {
        return total += v + 11;
    }

    public String name11(String prefix, double d) {
        return prefix + 11 + d;
    }

    public long add12(int v) {
        return total += v + 12;
    }

    public String name12(String prefix, double d) {
        return prefix + 12 + d;
    }

    public long add13(int v) {
        return total += v + 13;
    }

    public String name13(String prefix, double d) {
        return prefix + 13 + d;
    }

    public long add14(int v) {
        return total += v + 14;
    }

    public String name14(String prefix, double d) {
        return prefix + 14 + d;
    }

    public long add15(int v) {
        return total += v + 15;
    }

    public String name15(String prefix, double d) {
        return prefix + 15 + d;
    }

    public long add16(int v) {
        return total += v + 16;
    }

    public String name16(String prefix, double d) {
        return prefix + 16 + d;
    }

    public long add17(int v) {
        return total += v + 17;
    }

    public String name17(String prefix, double d) {
        return prefix + 17 + d;
    }

    public long add18(int v) {
        return total += v + 18;
    }

    public String name18(String prefix, double d) {
        return prefix + 18 + d;
    }

    public long add19(int v) {
        return total += v + 19;
    }

    public String name19(String prefix, double d) {
        return prefix + 19 + d;
    }

    public long add20(int v) {
        return total += v + 20;
    }

    public String name20(String prefix, double d) {
        return prefix + 20 + d;
    }

    public long add21(int v) {
        return total += v + 21;
    }

    public String name21(String prefix, double d) {
        return prefix + 21 + d;
    }

    public long add22(int v) {
        return total += v + 22;
    }

    public String name22(String prefix, double d) {
        return prefix + 22 + d;
    }

    public long add23(int v) {
        return total += v + 23;
    }

    public String name23(String prefix, double d) {
        return prefix + 23 + d;
    }

    public long add24(int v) {
        return total += v + 24;
    }

    public String name24(String prefix, double d) {
        return prefix + 24 + d;
    }

    public long add25(int v) {
        return total += v + 25;
    }

    public String name25(String prefix, double d) {
        return prefix + 25 + d;
    }

    public long add26(int v) {
        return total += v + 26;
    }

    public String name26(String prefix, double d) {
        return prefix + 26 + d;
    }

    public long add27(int v) {
        return total += v + 27;
    }

    public String name27(String prefix, double d) {
        return prefix + 27 + d;
    }

    public long add28(int v) {
        return total += v + 28;
    }

    public String name28(String prefix, double d) {
        return prefix + 28 + d;
    }

    public long add29(int v) {
        return total += v + 29;
    }

    public String name29(String prefix, double d) {
        return prefix + 29 + d;
    }

    public long add30(int v) {
        return total += v + 30;
    }

    public String name30(String prefix, double d) {
        return prefix + 30 + d;
    }

    public long add31(int v) {
        return total += v + 31;
    }

    public String name31(String prefix, double d) {
        return prefix + 31 + d;
    }

    public long add32(int v) {
        return total += v + 32;
    }

    public String name32(String prefix, double d) {
        return prefix + 32 + d;
    }

    public long add33(int v) {
        return total += v + 33;
    }

    public String name33(String prefix, double d) {
        return prefix + 33 + d;
    }

    public long add34(int v) {
        return total += v + 34;
    }

    public String name34(String prefix, double d) {
        return prefix + 34 + d;
    }

    public long add35(int v) {
        return total += v + 35;
    }

    public String name35(String prefix, double d) {
        return prefix + 35 + d;
    }

    public long add36(int v) {
        return total += v + 36;
    }

    public String name36(String prefix, double d) {
        return prefix + 36 + d;
    }

    public long add37(int v) {
        return total += v + 37;
    }

    public String name37(String prefix, double d) {
        return prefix + 37 + d;
    }

    public long add38(int v) {
        return total += v + 38;
    }

    public String name38(String prefix, double d) {
        return prefix + 38 + d;
    }

    public long add39(int v) {
        return total += v + 39;
    }

    public String name39(String prefix, double d) {
        return prefix + 39 + d;
    }
}
