// poi-ooxml-full (the complete OOXML schema classes, ~6,000 of them) through its generated typings:
// builds a SpreadsheetML workbook part with the XMLBeans API, serialises it, parses it back, and
// prints JSON on the last line.
import jvm = require('./out/poi-ooxml-full-5.5.1');

const { WorkbookDocument, STSheetState } = jvm.org.openxmlformats.schemas.spreadsheetml.x2006.main;

const doc = WorkbookDocument.Factory.newInstance();
const workbook = doc.addNewWorkbook();
const sheets = workbook.addNewSheets();
for (const [i, name] of ['Sales', 'Costs', 'Notes'].entries()) {
  const sheet = sheets.addNewSheet();
  sheet.setName(name);
  sheet.setSheetId(i + 1);
  sheet.setId(`rId${i + 1}`);
  if (name === 'Notes') sheet.setState(STSheetState.HIDDEN);
}
workbook.addNewCalcPr().setFullCalcOnLoad(true);
const xml = doc.xmlText();
const parsed = WorkbookDocument.Factory.parse(xml);
const back = parsed.getWorkbook().getSheets();
const names: string[] = [];
for (let i = 0; i < back.sizeOfSheetArray(); i++) names.push(back.getSheetArray(i).getName());
console.log(JSON.stringify({
  names,
  ids: back.getSheetArray().map((s) => Number(s.getSheetId())),
  hidden: back.getSheetArray(2).getState().toString(),
  fullCalc: parsed.getWorkbook().getCalcPr().getFullCalcOnLoad(),
  xml: xml.includes('<main:sheet name="Sales"') || xml.includes('name="Sales"'),
}));
