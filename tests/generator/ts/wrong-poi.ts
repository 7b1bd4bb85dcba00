// Deliberate type errors against the poi-ooxml typings: tsc must report exactly the marked lines.
import jvm = require('./out/poi-ooxml-5.5.1');

const { XSSFWorkbook } = jvm.org.apache.poi.xssf.usermodel;
const { CellType } = jvm.org.apache.poi.ss.usermodel;
const wb = new XSSFWorkbook();
const sheet = wb.createSheet('s');
const row = sheet.createRow(0);
const cell = row.createCell(0);
row.createCell('0'); // error: a string where Java wants an int
const count: string = wb.getNumberOfSheets(); // error: an int result is a number
const text: number = cell.getStringCellValue(); // error: a String result is a string
cell.setCellFormula(1); // error: a number where Java wants a String
new XSSFWorkbook(42); // error: no constructor takes a number
void CellType.NOPE; // error: not a constant of the enum
wb.writeAsync('report.xlsx'); // error: a file name where Java wants an OutputStream (or a Node Writable)
const reader = new jvm.org.apache.poi.xssf.eventusermodel.XSSFReader(jvm.org.apache.poi.openxml4j.opc.OPCPackage.open('x.xlsx'));
const sheets = reader.getSheetIterator();
sheets.next().getSheetName(); // error: next() is a Node Readable, the name is the iterator's
for (const r of sheet) r.getCell('A'); // error: a column letter where Java wants an index
const cells: jvm.org.apache.poi.ss.usermodel.Cell[] = row; // error: a Java Row is not a JS array
sheet.setColumnWidth(0); // error: a missing argument
void count; void text; void cells;
