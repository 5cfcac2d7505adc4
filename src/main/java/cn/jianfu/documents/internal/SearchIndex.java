package cn.jianfu.documents.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.jianfu.org.Scope;

/**
 * Full-text search over the corpus with Lucene and its Chinese analyzer (smartcn),
 * restricted to the documents an account may see (its subtree, and the units above it
 * whose documents flow down to it), with highlighted snippets. The index lives under
 * {@code <data-dir>/documents/lucene} and is rebuilt from the database when its count
 * disagrees with the table's.
 */
@Component
class SearchIndex implements DisposableBean {

	record Hit(long id, String title, @Nullable String docNumber, @Nullable String issuer, String snippet) {
	}

	private final JdbcClient jdbc;

	private final Path directory;

	private final Analyzer analyzer = new SmartChineseAnalyzer();

	private @Nullable IndexWriter writer;

	SearchIndex(JdbcClient jdbc, @Value("${jianfu.data-dir:./data}") String dataDir) {
		this.jdbc = jdbc;
		this.directory = Path.of(dataDir, "documents", "lucene");
	}

	private synchronized IndexWriter writer() {
		if (this.writer == null) {
			try {
				Directory dir = FSDirectory.open(this.directory);
				IndexWriter opened = new IndexWriter(dir, new IndexWriterConfig(this.analyzer));
				long rows = this.jdbc.sql("select count(*) from document").query(Long.class).single();
				if (opened.getDocStats().numDocs != rows) {
					opened.deleteAll();
					this.jdbc.sql("select id, owner_path, title, doc_number, issuer, body from document")
						.query((rs, n) -> {
							add(opened, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
									rs.getString(5), rs.getString(6));
							return null;
						})
						.list();
				}
				opened.commit();
				this.writer = opened;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return this.writer;
	}

	private static void add(IndexWriter writer, long id, String ownerPath, @Nullable String title,
			@Nullable String docNumber, @Nullable String issuer, String body) {
		Document doc = new Document();
		doc.add(new StringField("id", Long.toString(id), Field.Store.YES));
		doc.add(new StringField("owner_path", ownerPath, Field.Store.NO));
		doc.add(new TextField("title", title == null ? "" : title, Field.Store.YES));
		doc.add(new StoredField("doc_number", docNumber == null ? "" : docNumber));
		doc.add(new StoredField("issuer", issuer == null ? "" : issuer));
		doc.add(new TextField("body", body, Field.Store.YES));
		try {
			writer.updateDocument(new Term("id", Long.toString(id)), doc);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	synchronized void add(long id, String ownerPath, @Nullable String title, @Nullable String docNumber,
			@Nullable String issuer, String body) {
		IndexWriter w = writer();
		add(w, id, ownerPath, title, docNumber, issuer, body);
		try {
			w.commit();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<Hit> search(Scope scope, String text, int limit) {
		if (text.isBlank()) {
			return List.of();
		}
		try {
			Query match = new MultiFieldQueryParser(new String[] { "title", "body" }, this.analyzer)
				.parse(QueryParserBase.escape(text.strip()));
			BooleanQuery.Builder visible = new BooleanQuery.Builder();
			visible.add(new PrefixQuery(new Term("owner_path", scope.path())), BooleanClause.Occur.SHOULD);
			String path = scope.path();
			for (int i = path.indexOf('/', 1); i > 0 && i < path.length() - 1; i = path.indexOf('/', i + 1)) {
				visible.add(new TermQuery(new Term("owner_path", path.substring(0, i + 1))),
						BooleanClause.Occur.SHOULD);
			}
			Query query = new BooleanQuery.Builder().add(match, BooleanClause.Occur.MUST)
				.add(visible.build(), BooleanClause.Occur.FILTER)
				.build();
			try (DirectoryReader reader = DirectoryReader.open(writer())) {
				IndexSearcher searcher = new IndexSearcher(reader);
				TopDocs top = searcher.search(query, limit);
				QueryScorer scorer = new QueryScorer(match, "body");
				Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"),
						new SimpleHTMLEncoder(), scorer);
				highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, 80));
				List<Hit> hits = new ArrayList<>();
				for (ScoreDoc sd : top.scoreDocs) {
					Document doc = searcher.storedFields().document(sd.doc);
					String body = doc.get("body");
					String snippet = highlighter.getBestFragments(this.analyzer.tokenStream("body", body), body, 2,
							" … ");
					if (snippet == null || snippet.isBlank()) {
						snippet = SimpleHTMLEncoder
							.htmlEncode(body.length() > 120 ? body.substring(0, 120) + "…" : body);
					}
					String title = doc.get("title");
					hits.add(new Hit(Long.parseLong(doc.get("id")), title.isEmpty() ? "（无标题）" : title,
							blank(doc.get("doc_number")), blank(doc.get("issuer")), snippet));
				}
				return hits;
			}
		}
		catch (ParseException ex) {
			return List.of();
		}
		catch (IOException | InvalidTokenOffsetsException ex) {
			throw new IllegalStateException("search failed", ex);
		}
	}

	private static @Nullable String blank(@Nullable String s) {
		return (s == null || s.isEmpty()) ? null : s;
	}

	@Override
	public synchronized void destroy() throws IOException {
		if (this.writer != null) {
			this.writer.close();
			this.writer = null;
		}
	}

}
