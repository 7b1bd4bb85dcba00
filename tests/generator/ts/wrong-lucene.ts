// Mistakes a user makes with the lucene-core typings, one per marked line: tsc must report exactly those lines.
import jvm = require('./out/lucene-core-9.12.1');
const { ByteBuffersDirectory, FSDirectory } = jvm.org.apache.lucene.store;
const { IndexWriter, IndexWriterConfig, DirectoryReader, Term } = jvm.org.apache.lucene.index;
const { Document, TextField, StringField, Field, IntPoint, StoredField } = jvm.org.apache.lucene.document;
const { IndexSearcher, TermQuery, BooleanQuery, BooleanClause, Sort, SortField } = jvm.org.apache.lucene.search;
const dir = new ByteBuffersDirectory();
const writer = new IndexWriter(dir, new IndexWriterConfig());
const doc = new Document();
doc.add(new TextField('body', 42, Field.Store.YES)); // error: 1
doc.add(new TextField('body', 'x', 'YES')); // error: 2
doc.add(new StringField('id', 'a', true)); // error: 3
doc.add('body'); // error: 4
doc.add(new IntPoint('n', 'one')); // error: 5
doc.add(new StoredField('n')); // error: 6
writer.addDocument({ body: 'x' }); // error: 7
writer.commit('now'); // error: 8
const reader = DirectoryReader.open('dir'); // error: 9
const searcher = new IndexSearcher(dir); // error: 10
const hits = searcher.search(new TermQuery(new Term('body', 'java')), '10'); // error: 11
const total: number = hits.totalHits; // error: 12
hits.scoreDocs.push(1); // error: 13
const d: string = hits.scoreDocs[0].doc; // error: 14
searcher.storedFields().document(hits.scoreDocs[0]); // error: 15
new TermQuery('body', 'java'); // error: 16
new BooleanQuery.Builder().add(new TermQuery(new Term('a', 'b')), 'MUST'); // error: 17
new BooleanQuery.Builder().add(new TermQuery(new Term('a', 'b')), BooleanClause.Occur.NOPE); // error: 18
searcher.search(new TermQuery(new Term('a', 'b')), 10, new Sort(new SortField('n', 'INT'))); // error: 19
FSDirectory.open('/tmp/x'); // error: 20
reader.close(true); // error: 21
writer.getDocStats().numDocs(); // error: 22
const n: bigint = reader.numDocs(); // error: 23
void total; void d; void n;
