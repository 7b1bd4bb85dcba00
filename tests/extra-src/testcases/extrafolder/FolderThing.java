package testcases.extrafolder;

/** Loaded at run time by jvm.load() from a class folder. */
public class FolderThing {
    public static String where() { return "folder"; }
}
