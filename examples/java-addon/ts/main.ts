// A TypeScript program on the example module (compiled with tsc --strict by tests/js/java-addon.test.js).
import { Color, Counter, Inventory, Point, announce, factorial, greet, midpoint, total, withTax, words } from 'shop';

async function main(): Promise<void> {
  const m: Point = midpoint({ x: 0, y: 0 }, { x: 2, y: 2 });
  const inv = new Inventory('typed');
  inv.add('pen', 2, 1.5);
  inv.onPrice((item, price) => console.log(`priced ${item.toUpperCase()} at ${price.toFixed(2)}`));
  inv.add('ink', 1, 4);
  inv.color = Color.GREEN;
  const c: Color = inv.color;
  const n: number = inv.count;
  const big: bigint = factorial(21);
  const sum: number | bigint = total([1, 2, 3]);
  const taxed: number = await withTax(Promise.resolve(100), 0.1);
  const counter = new Counter();
  counter.next();
  const list = words('one two');
  const heard: string[] = [];
  announce((item) => { heard.push(item); }, ['x'], 1);
  console.log(JSON.stringify({ greet: greet('TS'), m, color: c.name(), n, big: String(big), sum: String(sum), taxed,
    counter: counter.value, first: list[0], heard, location: inv.location.x }));
}

main().catch((e) => { console.error(e); process.exit(1); });
