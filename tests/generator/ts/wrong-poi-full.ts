// Deliberate type errors against the poi-ooxml-full typings: tsc must report exactly the marked lines.
import jvm = require('./out/poi-ooxml-full-5.5.1');

const { WorkbookDocument, STSheetState } = jvm.org.openxmlformats.schemas.spreadsheetml.x2006.main;
const sheets = WorkbookDocument.Factory.newInstance().addNewWorkbook().addNewSheets();
const sheet = sheets.addNewSheet();
sheet.setName(42); // error: a sheet name is a string
sheet.setSheetId('1'); // error: a sheet id is a number (an unsigned int)
sheet.setState('hidden'); // error: the state is an STSheetState.Enum, not a string
const count: string = sheets.sizeOfSheetArray(); // error: a count is a number
void STSheetState.NOPE; // error: not a constant
sheets.addNewSheet().getName().nope(); // error: a string has no nope()
void count;
