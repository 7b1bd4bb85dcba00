// Writes an xlsx with Apache POI through the generated typings (tsc --strict), reads it back with
// XSSFReader's SheetIterator (an Iterator<InputStream> whose next() is a Node Readable) and with the
// usermodel API, and prints what it found as JSON on the last line.
import jvm = require('./out/poi-ooxml-5.5.1');
import fs = require('fs');
import os = require('os');
import path = require('path');

const { XSSFWorkbook } = jvm.org.apache.poi.xssf.usermodel;
const { XSSFReader } = jvm.org.apache.poi.xssf.eventusermodel;
const { OPCPackage } = jvm.org.apache.poi.openxml4j.opc;
const { CellType } = jvm.org.apache.poi.ss.usermodel;

async function main(): Promise<void> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'poi-')), 'report.xlsx');
  const wb = new XSSFWorkbook();
  const sheet = wb.createSheet('Sales');
  const rows: [string, number][] = [['north', 12.5], ['south', 7], ['east', 30.25]];
  const header = sheet.createRow(0);
  header.createCell(0).setCellValue('region');
  header.createCell(1).setCellValue('amount');
  rows.forEach(([region, amount], i) => {
    const row = sheet.createRow(i + 1);
    row.createCell(0).setCellValue(region);
    row.createCell(1).setCellValue(amount);
  });
  const total = sheet.createRow(rows.length + 1).createCell(1);
  total.setCellFormula(`SUM(B2:B${rows.length + 1})`);
  wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
  sheet.autoSizeColumn(0);
  // a Node Writable where Java expects an OutputStream: Java writes from a pool thread (writeAsync)
  const out = fs.createWriteStream(file);
  await wb.writeAsync(out);
  wb.close();
  await new Promise<void>((resolve, reject) => out.on('error', reject).end(resolve));

  // the event API: each sheet's XML as a Node stream
  const pkg = OPCPackage.open(file);
  const sheets = new XSSFReader(pkg).getSheetIterator();
  const names: string[] = [];
  let xmlBytes = 0;
  while (sheets.hasNext()) {
    const stream = sheets.next(); // InputStream -> Readable
    names.push(sheets.getSheetName());
    for await (const chunk of stream) xmlBytes += (chunk as Buffer).length;
  }
  pkg.revert();

  // the usermodel API: values back, typed
  const read = new XSSFWorkbook(file);
  const s = read.getSheetAt(0);
  const regions: string[] = [];
  for (const row of s) {
    const cell = row.getCell(0);
    if (row.getRowNum() > 0 && cell !== null && cell.getCellType() === CellType.STRING) regions.push(cell.getStringCellValue());
  }
  const sum = s.getRow(rows.length + 1)?.getCell(1)?.getNumericCellValue();
  read.close();
  console.log(JSON.stringify({ names, xml: xmlBytes > 100, regions, sum, rows: s.getLastRowNum() }));
}

main().catch((err) => { console.error(err); process.exit(1); });
