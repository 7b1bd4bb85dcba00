'use strict';
// Values through real libraries, written as their users write them: Jackson (Class parameters,
// records, plain objects as maps, trees as iterables), H2 over JDBC (a driver jar added with
// jvm.load() after DriverManager looked for drivers, BIGINT as bigint, DECIMAL as BigDecimal,
// TIMESTAMP as Date, java.time through getObject(i, Cls), sync and async) and Apache POI (a JS
// Date picks setCellValue(Date), formulas, a workbook through bytes, iteration over rows and cells).

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const fs = require('node:fs');
const { loadJvm, TESTS_DIR } = require('./helpers');

const JARS = path.join(TESTS_DIR, 'target', 'jars');
const jar = (name) => {
  const file = path.join(JARS, `${name}.jar`);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run 'mvn -pl tests -am process-test-resources'`);
  return file;
};

const jvm = loadJvm();
// DriverManager looks for drivers once; do it before the driver's jar is loaded, as an application
// that touched JDBC early would
const { DriverManager } = jvm.java.sql;
assert.equal(DriverManager.getDrivers().hasMoreElements(), false);
for (const name of ['jackson-databind', 'jackson-core', 'jackson-annotations', 'h2', 'poi', 'commons-codec',
  'commons-collections4', 'commons-math3', 'commons-io', 'SparseBitSet', 'log4j-api']) {
  jvm.load(jar(name));
}
const V = jvm.testcases.values.ValueCases;

test('Jackson: readValue into a record by its class, convertValue from a plain object', () => {
  const { ObjectMapper } = jvm.com.fasterxml.jackson.databind;
  const mapper = new ObjectMapper();
  const p = mapper.readValue('{"x":1,"y":2}', V.Point); // the projected class stands for its Class
  assert.ok(p instanceof V.Point);
  assert.equal(p.y(), 2);
  assert.equal(mapper.readValue('{"x":3,"y":4}', V.Point.class).x(), 3);
  assert.equal(String(mapper.convertValue({ x: 5, y: 6 }, V.Point)), 'Point[x=5, y=6]');
  assert.equal(mapper.writeValueAsString(V.point(1, 2)), '{"x":1,"y":2}');
  // JS data written as JSON by Java: a plain object is a Map, arrays are Lists, a bigint a BigInteger
  assert.equal(mapper.writeValueAsString({ a: 1, b: [1, 2, { c: 'x' }], d: null, big: 2n ** 70n }),
    '{"a":1,"b":[1,2,{"c":"x"}],"d":null,"big":1180591620717411303424}');
  // JSON read as Java collections comes back as JS data
  const m = mapper.readValue('{"a":1,"b":[1,2,{"c":"x"}],"n":12345678901234}', jvm.java.util.Map);
  assert.deepEqual(jvm.toJS(m), { a: 1, b: [1, 2, { c: 'x' }], n: 12345678901234n }); // a Long is a bigint
  assert.equal(JSON.stringify(m), '{"a":1,"b":[1,2,{"c":"x"}],"n":12345678901234}');
  const points = mapper.readValue('[{"x":1,"y":2},{"x":3,"y":4}]',
    mapper.getTypeFactory().constructCollectionType(jvm.java.util.List, V.Point));
  assert.equal(points.length, 2);
  assert.equal(points[1].x(), 3);
  assert.deepEqual(jvm.toJS(points), [{ x: 1, y: 2 }, { x: 3, y: 4 }]);
  // a tree: iterable nodes and field names
  const tree = mapper.readTree('{"a":[1,2,3],"b":{"c":true}}');
  assert.deepEqual([...tree.get('a')].map((n) => n.asInt()), [1, 2, 3]);
  assert.deepEqual([...tree.fieldNames()], ['a', 'b']);
  assert.equal(tree.get('b').get('c').asBoolean(), true);
});

test('H2 over JDBC: a jvm.load()ed driver, typed columns in and out', () => {
  const c = DriverManager.getConnection('jdbc:h2:mem:values');
  try {
    const st = c.createStatement();
    st.execute('create table item (id bigint primary key, name varchar(20), price decimal(10,2), at timestamp, ' +
      'd date, n int, f double, b boolean)');
    const insert = c.prepareStatement('insert into item values (?,?,?,?,?,?,?,?)');
    const at = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678));
    insert.setLong(1, 2n ** 40n);
    insert.setString(2, 'widget');
    insert.setBigDecimal(3, '19.99'); // exact, from a string
    insert.setTimestamp(4, at); // a JS Date where Java expects a Timestamp
    insert.setDate(5, new Date(Date.UTC(2024, 0, 2)));
    insert.setInt(6, 7);
    insert.setDouble(7, 1.5);
    insert.setBoolean(8, true);
    assert.equal(insert.executeUpdate(), 1);
    const byObject = c.prepareStatement('insert into item values (?,?,?,?,?,?,?,?)');
    [1, 'gadget', 5.25, new Date(0), new Date(0), 8, 2.5, false].forEach((v, i) => byObject.setObject(i + 1, v));
    assert.equal(byObject.executeUpdate(), 1);

    const rs = st.executeQuery('select * from item order by id');
    assert.equal(rs.next(), true);
    assert.equal(rs.getObject('ID'), 1n); // BIGINT is a Long: a bigint
    assert.equal(rs.getLong('ID'), 1); // a long: a number while exact
    assert.equal(String(rs.getObject('PRICE')), '5.25');
    assert.ok(rs.getObject('AT') instanceof Date);
    assert.equal(rs.getObject('AT').getTime(), 0);
    assert.equal(rs.getObject('N'), 8);
    assert.equal(rs.getObject('B'), false);
    assert.equal(rs.next(), true);
    assert.equal(rs.getObject('ID'), 2n ** 40n);
    assert.equal(rs.getString('NAME'), 'widget');
    assert.equal(rs.getBigDecimal('PRICE').toPlainString(), '19.99');
    assert.equal(rs.getTimestamp('AT').getTime(), at.getTime());
    assert.equal(rs.getObject('AT', jvm.java.time.Instant).getTime(), at.getTime()); // an Instant is a Date
    assert.equal(String(rs.getObject('AT', jvm.java.time.LocalDateTime)), '2024-01-02T03:04:05.678');
    assert.equal(rs.getObject('F'), 1.5);
    assert.equal(rs.next(), false);
  } finally {
    c.close();
  }
});

test('H2 over JDBC off the JS thread: nameAsync calls find the jvm.load()ed driver too', async () => {
  const c = await DriverManager.getConnectionAsync('jdbc:h2:mem:async;DB_CLOSE_DELAY=-1');
  try {
    const st = c.createStatement();
    await st.executeAsync('create table t (id int, price decimal(10,2))');
    await st.executeUpdateAsync("insert into t values (1, '1.10'), (2, '2.20')");
    const rs = await st.executeQueryAsync('select count(*), sum(price) from t');
    assert.equal(rs.next(), true);
    assert.equal(rs.getLong(1), 2);
    assert.equal(String(rs.getBigDecimal(2)), '3.30');
  } finally {
    await c.closeAsync();
  }
});

test('Apache POI: a JS Date is a date cell, numbers, formulas, a workbook through bytes', () => {
  const { HSSFWorkbook } = jvm.org.apache.poi.hssf.usermodel;
  const { CellType } = jvm.org.apache.poi.ss.usermodel;
  const wb = new HSSFWorkbook();
  const row = wb.createSheet('Data').createRow(0);
  const when = new Date(Date.UTC(2024, 4, 6, 12));
  row.createCell(0).setCellValue(when); // setCellValue(Date) among (double, String, boolean, Date, LocalDateTime...)
  row.createCell(1).setCellValue(3.25);
  row.createCell(2).setCellValue('text');
  row.createCell(3).setCellValue(true);
  row.createCell(4).setCellFormula('B1*2');
  row.createCell(5).setCellValue(42);
  const style = wb.createCellStyle();
  style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat('yyyy-mm-dd'));
  row.getCell(0).setCellStyle(style);
  assert.equal(row.getCell(0).getDateCellValue().getTime(), when.getTime());
  assert.equal(wb.getCreationHelper().createFormulaEvaluator().evaluate(row.getCell(4)).getNumberValue(), 6.5);
  assert.deepEqual([...row].map((c) => String(c.getCellType())), ['NUMERIC', 'NUMERIC', 'STRING', 'BOOLEAN', 'FORMULA', 'NUMERIC']);
  assert.equal(row.getCell(0).getCellType(), CellType.NUMERIC); // the same enum constant object
  const out = new jvm.java.io.ByteArrayOutputStream();
  wb.write(out);
  const bytes = out.toByteArray(); // byte[]: a Buffer copy
  assert.ok(Buffer.isBuffer(bytes));
  assert.deepEqual([...bytes.subarray(0, 4)], [0xd0, 0xcf, 0x11, 0xe0]); // an OLE2 (.xls) file's magic
  assert.ok(bytes.length > 512);
  const again = new HSSFWorkbook(new jvm.java.io.ByteArrayInputStream(bytes));
  assert.equal(again.getSheetAt(0).getRow(0).getCell(2).getStringCellValue(), 'text');
  let cells = 0;
  for (const sheet of again) for (const r of sheet) for (const cell of r) cells += cell ? 1 : 0;
  assert.equal(cells, 6);
  assert.equal(new jvm.org.apache.poi.ss.util.CellReference('B7').getRow(), 6);
});
