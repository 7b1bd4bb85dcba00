// Lucene through generated typings: index three documents in memory, search a term (tsc --strict, then Node).
import jvm = require('./out/lucene-core-9.12.1');
declare const console: { log(line: string): void };
const { ByteBuffersDirectory } = jvm.org.apache.lucene.store;
const { IndexWriter, IndexWriterConfig, DirectoryReader, Term } = jvm.org.apache.lucene.index;
const { Document, TextField, Field } = jvm.org.apache.lucene.document;
const { IndexSearcher, TermQuery } = jvm.org.apache.lucene.search;
const dir = new ByteBuffersDirectory();
const writer = new IndexWriter(dir, new IndexWriterConfig());
for (const text of ['hello node java', 'hello typescript', 'java from node']) {
  const doc = new Document();
  doc.add(new TextField('body', text, Field.Store.YES));
  writer.addDocument(doc);
}
writer.close();
const reader = DirectoryReader.open(dir);
const searcher = new IndexSearcher(reader);
const hits = searcher.search(new TermQuery(new Term('body', 'java')), 10);
const bodies: string[] = [];
for (const sd of hits.scoreDocs) bodies.push(searcher.storedFields().document(sd.doc).get('body') ?? '');
console.log(JSON.stringify({ total: Number(hits.totalHits.value), bodies: bodies.sort() }));
reader.close();
