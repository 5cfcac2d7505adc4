package cn.jianfu.documents.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jianfu.org.Scope;
import cn.jianfu.platform.Problem;
import cn.jianfu.text.Shingles;

/**
 * The corpus of official documents: each document's text and elements in the database,
 * its sketch beside it, and the in-memory {@link SimilarityIndex} loaded from the
 * sketches on first use (not rebuilt from the texts). A document is written with its
 * sketch in one transaction and joins the index after the commit.
 */
@Component
class Corpus {

	private static final Logger log = LoggerFactory.getLogger(Corpus.class);

	/** Most candidates confirmed exactly per query. */
	static final int CANDIDATES = 64;

	static final double MINIMUM = 0.15;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final int maxDf;

	private volatile @Nullable SimilarityIndex index;

	private final SearchIndex search;

	Corpus(JdbcClient jdbc, TransactionTemplate transactions, SearchIndex search,
			@Value("${jianfu.documents.max-df:1000}") int maxDf) {
		this.jdbc = jdbc;
		this.search = search;
		this.transactions = transactions;
		this.maxDf = maxDf;
	}

	/** Who registers a document, for which unit, from which source. */
	record Owner(String unitCode, String account, String source, @Nullable Long demandId, @Nullable String gateNumber) {
	}

	/** A stored document as lists and pages show it. */
	record Stored(long id, String ownerUnitCode, String source, @Nullable Long demandId, @Nullable String gateNumber,
			@Nullable String title, @Nullable String docNumber, @Nullable String issuer, @Nullable LocalDate issuedOn,
			String kind, boolean directive, boolean relays, int length, String body) {
	}

	/** A confirmed relative. */
	record Related(long id, @Nullable String title, @Nullable String docNumber, @Nullable String gateNumber,
			@Nullable Long demandId, String ownerUnitCode, String relation, double jaccard, double containment,
			double inQuery, double ofQuery) {
	}

	long register(Owner owner, ParsedDocument parsed) {
		String path = this.jdbc.sql("select path from unit where code = :c")
			.param("c", owner.unitCode())
			.query(String.class)
			.optional()
			.orElseThrow(() -> Problem.notFound("unit", owner.unitCode()));
		long[] shingles = Shingles.of(parsed.text());
		Sketch sketch = Sketch.of(shingles);
		OfficialElements e = parsed.elements();
		Long id = this.transactions.execute(status -> {
			if (owner.demandId() != null) {
				Optional<Long> existing = this.jdbc.sql("select id from document where demand_id = :d")
					.param("d", owner.demandId())
					.query(Long.class)
					.optional();
				if (existing.isPresent()) {
					return existing.get();
				}
			}
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			this.jdbc.sql("insert into document (owner_unit_code, owner_path, source, demand_id, gate_number, title,"
					+ " doc_number, issuer, issued_on, kind, directive, relays, length_chars, format, charset, body,"
					+ " recipients, registered_by, registered_at) values (:unit, :path, :source, :demand, :gate,"
					+ " :title, :number, :issuer, :issued, :kind, :directive, :relays, :length, :format, :charset,"
					+ " :body, :recipients, :by, :at)")
				.param("unit", owner.unitCode())
				.param("path", path)
				.param("source", owner.source())
				.param("demand", owner.demandId())
				.param("gate", owner.gateNumber())
				.param("title", cut(e.title(), 500))
				.param("number", cut(e.docNumber(), 100))
				.param("issuer", cut(e.issuer(), 200))
				.param("issued", e.date())
				.param("kind", e.kind().json())
				.param("directive", e.directive())
				.param("relays", e.relays())
				.param("length", parsed.length())
				.param("format", parsed.format())
				.param("charset", parsed.charset())
				.param("body", parsed.text())
				.param("recipients", cut(String.join("、", e.recipients()), 2000))
				.param("by", owner.account())
				.param("at", Timestamp.from(Instant.now()))
				.update(keys, "id");
			long newId = keys.getKey().longValue();
			this.jdbc
				.sql("insert into document_sketch (document_id, samples, bands, sample_count, mod_count,"
						+ " shingle_count, shingles) values (:id, :samples, :bands, :sc, :mc, :count, :shingles)")
				.param("id", newId)
				.param("samples", Sketch.bytes(sketch.samples()))
				.param("bands", Sketch.bytes(sketch.bands()))
				.param("sc", sketch.samples().length)
				.param("mc", sketch.modCount())
				.param("count", sketch.shingleCount())
				.param("shingles", Sketch.bytes(shingles))
				.update();
			if (TransactionSynchronizationManager.isSynchronizationActive()) {
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCommit() {
						SimilarityIndex loaded = Corpus.this.index;
						if (loaded != null) {
							loaded.add(newId, sketch);
						}
						try {
							Corpus.this.search.add(newId, path, e.title(), e.docNumber(), e.issuer(), parsed.text());
						}
						catch (RuntimeException ex) {
							log.warn("Search index not updated for document {}: {}", newId, ex.toString());
						}
					}
				});
			}
			return newId;
		});
		return id == null ? -1 : id;
	}

	private static @Nullable String cut(@Nullable String s, int max) {
		return (s == null || s.length() <= max) ? s : s.substring(0, max);
	}

	SimilarityIndex index() {
		SimilarityIndex loaded = this.index;
		if (loaded == null) {
			synchronized (this) {
				loaded = this.index;
				if (loaded == null) {
					loaded = load();
					this.index = loaded;
				}
			}
		}
		return loaded;
	}

	private SimilarityIndex load() {
		long start = System.nanoTime();
		int upgraded = upgradeSketches();
		if (upgraded > 0) {
			log.info("Documents: {} sketches from before V25 recomputed from their texts", upgraded);
		}
		SimilarityIndex loaded = new SimilarityIndex(this.maxDf);
		loaded.bulk(true);
		this.jdbc
			.sql("select document_id, samples, bands, mod_count, shingle_count from document_sketch order by"
					+ " document_id")
			.query((rs, n) -> {
				loaded.add(rs.getLong(1), new Sketch(Sketch.ints(rs.getBytes(2)), Sketch.ints(rs.getBytes(3)),
						rs.getInt(4), rs.getInt(5)));
				return null;
			})
			.list();
		loaded.bulk(false);
		log.info("Documents index loaded: {} documents in {} ms", loaded.size(),
				(System.nanoTime() - start) / 1_000_000);
		return loaded;
	}

	/**
	 * Recomputes the sketches stored before V25 (without a shingle set, and sampled with
	 * the "least keys" a query cannot look up) from the documents' texts, once.
	 */
	int upgradeSketches() {
		List<Long> ids = this.jdbc.sql("select document_id from document_sketch where shingles is null")
			.query(Long.class)
			.list();
		for (long id : ids) {
			String body = this.jdbc.sql("select body from document where id = :id")
				.param("id", id)
				.query(String.class)
				.single();
			long[] shingles = Shingles.of(body);
			Sketch sketch = Sketch.of(shingles);
			this.jdbc
				.sql("update document_sketch set samples = :samples, bands = :bands, sample_count = :sc, mod_count ="
						+ " :mc, shingle_count = :count, shingles = :shingles where document_id = :id")
				.param("samples", Sketch.bytes(sketch.samples()))
				.param("bands", Sketch.bytes(sketch.bands()))
				.param("sc", sketch.samples().length)
				.param("mc", sketch.modCount())
				.param("count", sketch.shingleCount())
				.param("shingles", Sketch.bytes(shingles))
				.param("id", id)
				.update();
		}
		return ids.size();
	}

	static final String VISIBLE = "(d.owner_path like :pattern or :path like d.owner_path || '%')";

	Optional<Stored> find(Scope scope, long id) {
		return this.jdbc.sql("select * from document d where d.id = :id and " + VISIBLE)
			.param("id", id)
			.param("pattern", scope.pathPattern())
			.param("path", scope.path())
			.query(Corpus::stored)
			.optional();
	}

	Optional<Stored> findByNumber(Scope scope, String number) {
		String normalized = OfficialElements.normalizeNumber(number);
		return this.jdbc
			.sql("select * from document d where d.doc_number = :n and " + VISIBLE + " order by d.id limit 1")
			.param("n", normalized == null ? number : normalized)
			.param("pattern", scope.pathPattern())
			.param("path", scope.path())
			.query(Corpus::stored)
			.optional();
	}

	List<Stored> recent(Scope scope, int limit) {
		return this.jdbc.sql("select * from document d where " + VISIBLE + " order by d.id desc limit :limit")
			.param("pattern", scope.pathPattern())
			.param("path", scope.path())
			.param("limit", limit)
			.query(Corpus::stored)
			.list();
	}

	List<Stored> all(Scope scope) {
		return this.jdbc.sql("select * from document d where " + VISIBLE + " order by d.id")
			.param("pattern", scope.pathPattern())
			.param("path", scope.path())
			.query(Corpus::stored)
			.list();
	}

	private static Stored stored(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		java.sql.Date issued = rs.getDate("issued_on");
		long demand = rs.getLong("demand_id");
		Long demandId = rs.wasNull() ? null : demand;
		return new Stored(rs.getLong("id"), rs.getString("owner_unit_code"), rs.getString("source"), demandId,
				rs.getString("gate_number"), rs.getString("title"), rs.getString("doc_number"), rs.getString("issuer"),
				issued == null ? null : issued.toLocalDate(), rs.getString("kind"), rs.getBoolean("directive"),
				rs.getBoolean("relays"), rs.getInt("length_chars"), rs.getString("body"));
	}

	/**
	 * The relatives of a text among the documents the scope may see, confirmed exactly,
	 * best first; a document with this id (the query itself) is left out. With
	 * {@code scope} null every document counts (the gate's checks and the ungated matcher
	 * see all).
	 */
	List<Related> related(@Nullable Scope scope, ParsedDocument query, @Nullable Long self) {
		long[] shingles = Shingles.of(query.text());
		List<SimilarityIndex.Candidate> candidates = index().candidates(shingles, MINIMUM, CANDIDATES * 4);
		SimilarityIndex index = index();
		Map<Long, SimilarityIndex.Candidate> byId = new LinkedHashMap<>();
		for (SimilarityIndex.Candidate c : candidates) {
			long id = index.id(c.slot());
			if (self == null || id != self) {
				byId.put(id, c);
			}
		}
		OfficialElements e = query.elements();
		Map<Long, Relation> explicit = new HashMap<>();
		for (String number : e.citedNumbers()) {
			this.jdbc.sql("select id from document where doc_number = :n")
				.param("n", number)
				.query(Long.class)
				.list()
				.forEach(id -> explicit.put(id, Relation.CITES));
		}
		for (String title : e.citedTitles()) {
			this.jdbc.sql("select id from document where title = :t")
				.param("t", title)
				.query(Long.class)
				.list()
				.forEach(id -> explicit.put(id, Relation.CITES));
		}
		if (self != null) {
			explicit.remove(self);
		}
		List<Long> ids = new ArrayList<>(byId.keySet());
		explicit.keySet().stream().filter(id -> !byId.containsKey(id)).forEach(ids::add);
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Stored> documents = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += 500) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
			String sql = "select * from document d where d.id in (:ids)" + (scope == null ? "" : " and " + VISIBLE);
			var spec = this.jdbc.sql(sql).param("ids", chunk);
			if (scope != null) {
				spec = spec.param("pattern", scope.pathPattern()).param("path", scope.path());
			}
			documents.addAll(spec.query(Corpus::stored).list());
		}
		Map<Long, long[]> stored = storedShingles(documents);
		List<Related> related = new ArrayList<>();
		int contained = 0;
		for (Stored d : documents) {
			long[] set = stored.get(d.id());
			Relation.Measures m = index.measures(shingles, set != null ? set : Shingles.of(d.body()));
			Relation relation = Relation.of(m, query.text(), d.body());
			if (relation == null && explicit.containsKey(d.id())) {
				relation = Relation.CITES;
			}
			if (relation == null) {
				continue;
			}
			if (relation == Relation.CONTAINS) {
				contained++;
			}
			related.add(new Related(d.id(), d.title(), d.docNumber(), d.gateNumber(), d.demandId(), d.ownerUnitCode(),
					relation.json, round(m.jaccard()), round(m.containment()), round(m.inQuery()), round(m.ofQuery())));
		}
		if (contained >= 2) {
			related.replaceAll(r -> r.relation().equals(Relation.CONTAINS.json)
					? new Related(r.id(), r.title(), r.docNumber(), r.gateNumber(), r.demandId(), r.ownerUnitCode(),
							Relation.BUNDLES.json, r.jaccard(), r.containment(), r.inQuery(), r.ofQuery())
					: r);
		}
		related.sort(Comparator.comparingDouble((Related r) -> Math.max(r.jaccard(), r.containment())).reversed());
		return related.size() > CANDIDATES ? related.subList(0, CANDIDATES) : related;
	}

	/**
	 * The stored shingle sets of the documents, by id; documents registered before they
	 * were stored have none (their text is shingled instead).
	 */
	private Map<Long, long[]> storedShingles(List<Stored> documents) {
		Map<Long, long[]> sets = new HashMap<>();
		for (int from = 0; from < documents.size(); from += 500) {
			List<Long> chunk = documents.subList(from, Math.min(documents.size(), from + 500))
				.stream()
				.map(Stored::id)
				.toList();
			this.jdbc
				.sql("select document_id, shingles from document_sketch where shingles is not null and document_id in"
						+ " (:ids)")
				.param("ids", chunk)
				.query((rs, n) -> sets.put(rs.getLong(1), Sketch.longs(rs.getBytes(2))))
				.list();
		}
		return sets;
	}

	/** The stored shingle set of one document, if it has one (for tests). */
	Optional<long[]> shingles(long id) {
		return this.jdbc.sql("select shingles from document_sketch where document_id = :id and shingles is not null")
			.param("id", id)
			.query((rs, n) -> Sketch.longs(rs.getBytes(1)))
			.optional();
	}

	static double round(double v) {
		return Math.round(v * 1000) / 1000.0;
	}

}
