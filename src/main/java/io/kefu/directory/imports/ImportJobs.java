package io.kefu.directory.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import io.kefu.security.CurrentUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import jobs in {@code directory.import_job}, so that any instance can show,
 * check or commit any job. A job is seen by staff who see every site its uploader
 * saw; a running job whose instance stopped touching it is marked failed.
 */
@Repository
class ImportJobs {

	static final int MAX_PROBLEMS = 500;

	static final int RECENT = 20;

	/** A running job not touched for this long has lost its instance. */
	static final Duration STALE_AFTER = Duration.ofMinutes(5);

	private static final String COLUMNS = """
			id, filename, size, uploaded_by, state, rows_total, rows_validated, rows_written, problem_count,
			buildings, new_buildings, rooms, households, people, error, created_at, finished_at""";

	private static final String VISIBLE = """
			site_ids <@ cast(:sites as bigint[]) and (cardinality(site_ids) > 0 or account_id = :account)""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	ImportJobs(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The file as uploaded and the sites it may be imported into. */
	record StoredFile(byte[] content, Long[] sites) {
	}

	long create(CurrentUser user, String filename, byte[] content) {
		return jdbc.sql("""
				insert into directory.import_job (account_id, uploaded_by, site_ids, filename, size, content, state,
				                                  created_at, updated_at)
				values (:account, :by, :sites, :filename, :size, :content, 'VALIDATING', :now, :now) returning id""")
			.param("account", user.accountId())
			.param("by", user.displayName())
			.param("sites", user.sites())
			.param("filename", filename)
			.param("size", content.length)
			.param("content", content)
			.param("now", now())
			.query(Long.class)
			.single();
	}

	Optional<ImportJob> find(CurrentUser user, long id) {
		markStale();
		return jdbc.sql("select " + COLUMNS + " from directory.import_job where id = :id and " + VISIBLE)
			.param("id", id)
			.param("sites", user.sites())
			.param("account", user.accountId())
			.query(this::job)
			.optional();
	}

	List<ImportJob> recent(CurrentUser user) {
		markStale();
		return jdbc.sql("select " + COLUMNS + " from directory.import_job where account_id = :account and " + VISIBLE
				+ " order by id desc limit :limit")
			.param("sites", user.sites())
			.param("account", user.accountId())
			.param("limit", RECENT)
			.query(this::job)
			.list();
	}

	/** The first {@value #MAX_PROBLEMS} problems, in row order; the caller has found the job. */
	List<ImportProblem> problems(long id) {
		return jdbc.sql("""
				select row_number, column_name, message from directory.import_problem
				where job_id = :id order by position""")
			.param("id", id)
			.query((rs, n) -> new ImportProblem(rs.getInt("row_number"), rs.getString("column_name"),
					rs.getString("message")))
			.list();
	}

	Optional<StoredFile> file(long id) {
		return jdbc.sql("select content, site_ids from directory.import_job where id = :id and content is not null")
			.param("id", id)
			.query((rs, n) -> new StoredFile(rs.getBytes("content"), (Long[]) rs.getArray("site_ids").getArray()))
			.optional();
	}

	/**
	 * Moves a job from one state to the next, if it still is where the caller
	 * thinks; a finished job lets go of its file. Returns whether it moved.
	 */
	boolean move(long id, ImportState from, ImportState to) {
		if (!from.canMoveTo(to)) {
			throw new IllegalStateException("import job cannot move from " + from + " to " + to);
		}
		return jdbc.sql("""
				update directory.import_job set state = :to, updated_at = :now, version = version + 1,
				       rows_validated = case when :to = 'COMMITTING' then 0 else rows_validated end,
				       finished_at = case when :finished then :now end,
				       content = case when :finished then null else content end
				where id = :id and state = :from""")
			.param("id", id)
			.param("from", from.name())
			.param("to", to.name())
			.param("finished", to.isFinished())
			.param("now", now())
			.update() == 1;
	}

	/**
	 * Records the outcome of a check: the summary, and the problems if there are
	 * any. Returns whether the job was still where the caller thought.
	 */
	boolean checked(long id, ImportState from, ImportPlan plan) {
		if (!move(id, from, plan.isValid() ? ImportState.READY : ImportState.INVALID)) {
			return false;
		}
		summarize(id, plan);
		List<ImportProblem> kept = plan.problems().subList(0, Math.min(MAX_PROBLEMS, plan.problems().size()));
		if (!kept.isEmpty()) {
			jdbc.sql("""
					insert into directory.import_problem (job_id, position, row_number, column_name, message)
					select :id, * from unnest(:positions::int[], :rows::int[], :columns::text[], :messages::text[])""")
				.param("id", id)
				.param("positions", IntStream.range(0, kept.size()).boxed().toArray(Integer[]::new))
				.param("rows", kept.stream().map(ImportProblem::row).toArray(Integer[]::new))
				.param("columns", kept.stream().map(ImportProblem::column).toArray(String[]::new))
				.param("messages", kept.stream().map(ImportProblem::message).toArray(String[]::new))
				.update();
		}
		return true;
	}

	/** Ends a commit; in the transaction that wrote the rows, so that both happen or neither. */
	boolean done(long id, ImportPlan plan) {
		if (!move(id, ImportState.COMMITTING, ImportState.DONE)) {
			return false;
		}
		summarize(id, plan);
		jdbc.sql("update directory.import_job set rows_written = :rows where id = :id")
			.param("id", id)
			.param("rows", plan.rows().size())
			.update();
		return true;
	}

	private void summarize(long id, ImportPlan plan) {
		jdbc.sql("""
				update directory.import_job set rows_total = :lines, rows_validated = :lines, problem_count = :problems,
				       buildings = :buildings, new_buildings = :newBuildings, rooms = :rooms, households = :households,
				       people = :people
				where id = :id""")
			.param("id", id)
			.param("lines", plan.lines())
			.param("problems", plan.problems().size())
			.param("buildings", plan.buildings())
			.param("newBuildings", plan.newBuildings())
			.param("rooms", plan.rows().size())
			.param("households", plan.households())
			.param("people", plan.people())
			.update();
	}

	/** Ends a running job with a message for the person who uploaded it. */
	void fail(long id, ImportState from, String error) {
		if (move(id, from, ImportState.FAILED)) {
			jdbc.sql("update directory.import_job set error = :error where id = :id")
				.param("id", id)
				.param("error", error)
				.update();
		}
	}

	/**
	 * Progress, committed at once in its own transaction so that other sessions
	 * see it while the rows are still being written; also shows the job is alive.
	 */
	void progress(long id, int validated, int written) {
		ownTransaction.executeWithoutResult(status -> jdbc.sql("""
				update directory.import_job set rows_validated = :validated, rows_written = :written, updated_at = :now
				where id = :id and state in ('VALIDATING', 'COMMITTING')""")
			.param("id", id)
			.param("validated", validated)
			.param("written", written)
			.param("now", now())
			.update());
	}

	private void markStale() {
		jdbc.sql("""
				update directory.import_job set state = 'FAILED', finished_at = :now, content = null,
				       error = '导入任务中断（服务器重启或出错），未写入任何数据。请重新上传文件'
				where state in ('VALIDATING', 'COMMITTING') and updated_at < :before""")
			.param("now", now())
			.param("before", now().minus(STALE_AFTER))
			.update();
	}

	private ImportJob job(ResultSet rs, int n) throws SQLException {
		return new ImportJob(rs.getLong("id"), rs.getString("filename"), rs.getLong("size"),
				rs.getString("uploaded_by"), ImportState.valueOf(rs.getString("state")),
				(Integer) rs.getObject("rows_total"), rs.getInt("rows_validated"), rs.getInt("rows_written"),
				rs.getInt("problem_count"), rs.getInt("buildings"), rs.getInt("new_buildings"), rs.getInt("rooms"),
				rs.getInt("households"), rs.getInt("people"), rs.getString("error"),
				local(rs.getObject("created_at", OffsetDateTime.class)),
				local(rs.getObject("finished_at", OffsetDateTime.class)));
	}

	/** In the business time zone, so that pages show the hour people expect. */
	private OffsetDateTime local(OffsetDateTime time) {
		return time == null ? null : time.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}
}
