'use strict';
// The example module's own suite, as its users would write it: `require('shop')` of the npm package
// that `napi-java pack` made (tests/js/java-addon.test.js installs it into a fresh folder and runs this).
const test = require('node:test');
const assert = require('node:assert/strict');
const shop = require('shop');

test('exactly the exported API: the module, a class, member-level selection', () => {
  assert.deepEqual(Object.keys(shop).sort(), ['Color', 'Counter', 'Inventory', 'announce', 'at', 'brighter',
    'checksum', 'factorial', 'greet', 'midpoint', 'total', 'withTax', 'words']);
  assert.ok(!Object.isExtensible(shop));
  for (const name of Object.keys(shop)) assert.ok(shop[name], name); // each projected at its first read
  assert.ok(Object.isFrozen(shop));
  assert.throws(() => { 'use strict'; shop.greet = null; }, TypeError);
  const own = (o) => Object.getOwnPropertyNames(o).filter((n) => typeof n === 'string').sort();
  // renamed and selected: next (Java increment), no reset, no nameAsync variants or overload selectors
  assert.deepEqual(own(shop.Counter.prototype).filter((n) => n !== 'constructor' && n !== 'toJSON'), ['next', 'toString', 'value']);
  assert.ok(!own(shop.Inventory.prototype).some((n) => /Async$|\(|^get[A-Z]|^set[A-Z]|^is[A-Z]/.test(n)),
    own(shop.Inventory.prototype).join());
});

test('module-level functions: strings, a renamed function, bigints, dates, lists', () => {
  assert.equal(shop.greet('Ada'), 'Welcome to the shop, Ada!');
  assert.equal(shop.total([100, 250, 5]), 355);
  assert.equal(shop.total([2n ** 62n, 1n]), 2n ** 62n + 1n); // beyond 2^53: a bigint
  assert.throws(() => shop.total([2n ** 62n, 2n ** 62n]), /ArithmeticException|overflow/);
  assert.equal(shop.factorial(25), 15511210043330985984000000n);
  const d = shop.at(Date.UTC(2024, 1, 29, 12));
  assert.ok(d instanceof Date);
  assert.equal(d.toISOString(), '2024-02-29T12:00:00.000Z');
  const words = shop.words('  a Java   List ');
  assert.equal(words.length, 3);
  assert.deepEqual([...words], ['a', 'Java', 'List']);
  assert.equal(words[1], 'Java');
  // buffers: a Buffer or typed array where Java takes a ByteBuffer
  assert.equal(shop.checksum(Buffer.from('abc')), ((97 * 31 + 98) * 31 + 99) & 0xffff);
  assert.equal(shop.checksum(new Uint8Array([1, 2, 3])), (1 * 31 + 2) * 31 + 3);
});

test('records by value: plain objects in and out', () => {
  const m = shop.midpoint({ x: 0, y: 0 }, { x: 4, y: -2 });
  assert.deepEqual(m, { x: 2, y: -1 });
  assert.equal(Object.getPrototypeOf(m), Object.prototype);
  assert.throws(() => shop.midpoint({ x: 1 }, { x: 1, y: 1 }), /y/);
});

test('enums: a frozen object of the constants, names accepted where Java takes the enum', () => {
  assert.ok(Object.isFrozen(shop.Color));
  assert.deepEqual(Object.keys(shop.Color), ['RED', 'GREEN', 'BLUE']);
  assert.equal(shop.brighter(shop.Color.RED), shop.Color.GREEN); // the same JS object for the same constant
  assert.equal(shop.brighter('BLUE'), shop.Color.RED);
  assert.equal(shop.Color.BLUE.hex(), '#0000ff');
  assert.equal(shop.Color.GREEN.name(), 'GREEN');
  assert.equal(`${shop.Color.GREEN}`, 'GREEN');
  assert.equal(JSON.stringify({ c: shop.Color.RED }), '{"c":"RED"}');
  assert.throws(() => shop.brighter('PURPLE'), TypeError);
});

test('a class by reference: constructors, JavaBeans properties, static members', () => {
  const inv = new shop.Inventory('north');
  assert.equal(inv.name, 'north');
  inv.name = 'south';
  assert.equal(inv.name, 'south');
  assert.throws(() => { inv.name = ' '; }, /an inventory needs a name/);
  assert.equal(inv.empty, true);
  assert.equal(inv.add('apple', 3, 0.5), 3);
  assert.equal(inv.add('apple', 2, 0.5), 5);
  assert.equal(inv.count, 5);
  assert.throws(() => { 'use strict'; inv.count = 1; }, /read-only/);
  assert.equal(inv.quantity('pear'), 0);
  assert.equal(inv.color, shop.Color.RED);
  inv.color = 'BLUE';
  assert.equal(inv.color, shop.Color.BLUE);
  assert.deepEqual(inv.location, { x: 0, y: 0 });
  inv.location = { x: 3, y: 4 };
  assert.deepEqual(inv.location, { x: 3, y: 4 });
  assert.equal(new shop.Inventory().name, 'default');
  assert.equal(shop.Inventory.MAX_ITEMS, 1000);
  const of = shop.Inventory.of('mixed', 'a', 'b', 'c');
  assert.ok(of instanceof shop.Inventory);
  assert.deepEqual([...of.items()], ['a', 'b', 'c']);
  assert.deepEqual(Object.fromEntries(of.snapshot()), { a: 1, b: 1, c: 1 });
  assert.throws(() => inv.add('x', -1, 1), (e) => /quantity must be positive/.test(e.message) && /IllegalArgumentException/.test(e.name + e.message + (e.cause || '')));
  const counter = new shop.Counter();
  assert.equal(counter.next(), 1);
  assert.equal(counter.next(), 2);
  counter.value = 40;
  assert.equal(counter.next(), 41);
  assert.equal(counter.reset, undefined);
});

test('interfaces implemented by JS functions and objects', () => {
  const seen = [];
  assert.equal(shop.announce((item, price) => seen.push(`${item}:${price}`), ['a', 'b'], 2.5), 2);
  assert.deepEqual(seen, ['a:2.5', 'b:2.5']);
  const inv = new shop.Inventory('x');
  const prices = [];
  inv.onPrice({ onPrice(item, price) { prices.push([item, price]); } });
  inv.add('tea', 1, 3.25);
  assert.deepEqual(prices, [['tea', 3.25]]);
  assert.throws(() => shop.announce(() => { throw new Error('listener broke'); }, ['a'], 1), /listener broke/);
});

test('CompletableFuture and Promise both ways', async () => {
  const inv = shop.Inventory.of('p', 'a', 'b');
  assert.equal(await inv.countLater(), 2);
  assert.equal(await shop.withTax(Promise.resolve(10), 0.2), 12);
  await assert.rejects(shop.withTax(Promise.reject(new Error('no price')), 0.2), /no price/);
  const moved = await inv.moveLater(Promise.resolve({ x: 7, y: 8 }));
  assert.deepEqual(moved, { x: 7, y: 8 }); // a record inside a future: by value too
  assert.deepEqual(inv.location, { x: 7, y: 8 });
});

test('wrong arguments are clear errors, never a crash', () => {
  assert.throws(() => shop.greet(), TypeError);
  assert.throws(() => new shop.Inventory(1, 2, 3), TypeError);
  assert.throws(() => shop.Inventory.prototype.add.call({}, 'a', 1, 1), TypeError);
  assert.throws(() => shop.midpoint('nope', null), TypeError);
});
