package io.kefu.survey.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.kefu.directory.OccupiedHousehold;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.survey.SampledHousehold;
import io.kefu.survey.WaveStatus;
import io.kefu.survey.WaveSummary;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Survey waves of the sites and their samples. Every read takes the caller's sites as its scope. */
@Component
public class Waves {

	public static final int LIST_LIMIT = 100;

	private static final String SUMMARY = """
			select w.id, w.site_id, w.site_name, w.name, q.id as questionnaire_id, q.name as questionnaire_name,
			       w.version_id, v.number as version_number, w.sample_share, w.avoid_waves, w.seed, w.occupied,
			       (select count(*) from survey.sample s where s.wave_id = w.id) as sampled,
			       (select count(*) from survey.survey_answer a where a.wave_id = w.id and a.signed) as signed,
			       (select count(*) from survey.survey_answer a where a.wave_id = w.id and not a.signed) as unsigned,
			       w.status, w.created_at, w.closed_at, w.version
			from survey.wave w
			join survey.questionnaire_version v on v.id = w.version_id
			join survey.questionnaire q on q.id = v.questionnaire_id
			""";

	private static final String SAMPLE = """
			select s.household_id, s.household_name, s.building_id, s.building_name, s.room_code, s.visitor_id,
			       s.visitor_name, a.signed
			from survey.sample s
			left join survey.survey_answer a on a.wave_id = s.wave_id and a.household_id = s.household_id
			""";

	private final JdbcClient jdbc;

	Waves(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public WaveSummary get(Long[] sites, long waveId) {
		return jdbc.sql(SUMMARY + " where w.id = :id and w.site_id = any(:sites)")
			.param("id", waveId)
			.param("sites", sites)
			.query(Waves::summary)
			.optional()
			.orElseThrow(() -> new NotFoundException("没有找到该调查"));
	}

	/** A wave whoever asks, for a resident answering online: the caller checks the household. */
	public Optional<WaveSummary> byId(long waveId) {
		return jdbc.sql(SUMMARY + " where w.id = :id").param("id", waveId).query(Waves::summary).optional();
	}

	/** The latest waves of the sites, newest first. */
	public List<WaveSummary> list(Long[] sites) {
		return jdbc.sql(SUMMARY + " where w.site_id = any(:sites) order by w.id desc limit :limit")
			.param("sites", sites)
			.param("limit", LIST_LIMIT)
			.query(Waves::summary)
			.list();
	}

	/** The site's wave before this one, if any. */
	public Optional<WaveSummary> previous(WaveSummary wave) {
		return jdbc.sql(SUMMARY + " where w.site_id = :site and w.id < :id order by w.id desc limit 1")
			.param("site", wave.siteId())
			.param("id", wave.id())
			.query(Waves::summary)
			.optional();
	}

	/** The households in the samples of the site's latest {@code waves} waves. */
	public Set<Long> recentlyAsked(long siteId, int waves) {
		return Set.copyOf(jdbc.sql("""
				select s.household_id from survey.sample s
				where s.wave_id in (select id from survey.wave where site_id = :site order by id desc limit :waves)""")
			.param("site", siteId)
			.param("waves", waves)
			.query(Long.class)
			.list());
	}

	/** Stores a new wave with its sample; a name the site has used already is refused. */
	public long create(NewWave wave, List<OccupiedHousehold> sample, Instant at) {
		long id;
		try {
			id = jdbc.sql("""
					insert into survey.wave (site_id, site_name, name, version_id, sample_share, avoid_waves, seed,
					                         occupied, status, created_at)
					values (:site, :siteName, :name, :version, :share, :avoid, :seed, :occupied, 'OPEN', :at)
					returning id""")
				.param("site", wave.siteId())
				.param("siteName", wave.siteName())
				.param("name", wave.name())
				.param("version", wave.versionId())
				.param("share", wave.sampleShare())
				.param("avoid", wave.avoidWaves())
				.param("seed", wave.seed())
				.param("occupied", wave.occupied())
				.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidInputException("name", "该项目已有名为“" + wave.name() + "”的调查");
		}
		jdbc.sql("""
				insert into survey.sample (wave_id, household_id, household_name, building_id, building_name, room_code)
				select :wave, h.id, h.name, h.building, h.building_name, h.room
				from unnest(cast(:ids as bigint[]), cast(:names as text[]), cast(:buildings as bigint[]),
				            cast(:buildingNames as text[]), cast(:rooms as text[])) as h(id, name, building, building_name, room)""")
			.param("wave", id)
			.param("ids", sample.stream().map(OccupiedHousehold::householdId).toArray(Long[]::new))
			.param("names", sample.stream().map(OccupiedHousehold::name).toArray(String[]::new))
			.param("buildings", sample.stream().map(OccupiedHousehold::buildingId).toArray(Long[]::new))
			.param("buildingNames", sample.stream().map(OccupiedHousehold::buildingName).toArray(String[]::new))
			.param("rooms", sample.stream().map(OccupiedHousehold::roomCode).toArray(String[]::new))
			.update();
		return id;
	}

	/**
	 * Locks an open wave against closing until the caller's transaction ends; a closed
	 * wave is refused.
	 */
	public void lockOpen(long waveId) {
		String status = jdbc.sql("select status from survey.wave where id = :id for share")
			.param("id", waveId)
			.query(String.class)
			.single();
		if (WaveStatus.valueOf(status) != WaveStatus.OPEN) {
			throw closed();
		}
	}

	public static InvalidInputException closed() {
		return new InvalidInputException("wave", "该调查已结束，不能再修改样本或录入答卷");
	}

	/** Closes an open wave; false when it was closed already. */
	public boolean close(long waveId, Instant at) {
		return jdbc.sql("""
				update survey.wave set status = 'CLOSED', closed_at = :at, version = version + 1
				where id = :id and status = 'OPEN'""")
			.param("id", waveId)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.update() == 1;
	}

	/** The sample by building and room, or the part one visitor has. */
	public List<SampledHousehold> sample(long waveId, Long visitorId) {
		return jdbc.sql(SAMPLE + """
				where s.wave_id = :wave and (cast(:visitor as bigint) is null or s.visitor_id = :visitor)
				order by s.building_name, s.room_code""")
			.param("wave", waveId)
			.param("visitor", visitorId)
			.query(SampledHousehold.class)
			.list();
	}

	public Optional<SampledHousehold> sampled(long waveId, long householdId) {
		return jdbc.sql(SAMPLE + " where s.wave_id = :wave and s.household_id = :household")
			.param("wave", waveId)
			.param("household", householdId)
			.query(SampledHousehold.class)
			.optional();
	}

	/** Gives each visitor a run of neighbouring households, the runs as even as can be. */
	public void assignVisitors(long waveId, List<Visitor> visitors) {
		List<Long> households = sample(waveId, null).stream().map(SampledHousehold::householdId).toList();
		int n = households.size();
		Long[] ids = households.toArray(Long[]::new);
		Long[] visitorIds = new Long[n];
		String[] visitorNames = new String[n];
		for (int v = 0; v < visitors.size(); v++) {
			for (int i = v * n / visitors.size(); i < (v + 1) * n / visitors.size(); i++) {
				visitorIds[i] = visitors.get(v).id();
				visitorNames[i] = visitors.get(v).name();
			}
		}
		jdbc.sql("""
				update survey.sample s set visitor_id = a.visitor, visitor_name = a.name
				from unnest(cast(:ids as bigint[]), cast(:visitors as bigint[]), cast(:names as text[])) as a(household, visitor, name)
				where s.wave_id = :wave and s.household_id = a.household""")
			.param("wave", waveId)
			.param("ids", ids)
			.param("visitors", visitorIds)
			.param("names", visitorNames)
			.update();
	}

	/** The visitors of a wave with how many households each has. */
	public List<VisitorLoad> visitors(long waveId) {
		return jdbc.sql("""
				select visitor_id as id, visitor_name as name, count(*) as households from survey.sample
				where wave_id = :wave and visitor_id is not null group by visitor_id, visitor_name order by visitor_name""")
			.param("wave", waveId)
			.query(VisitorLoad.class)
			.list();
	}

	public record NewWave(long siteId, String siteName, String name, long versionId, BigDecimal sampleShare,
			int avoidWaves, long seed, int occupied) {
	}

	public record Visitor(long id, String name) {
	}

	public record VisitorLoad(long id, String name, long households) {
	}

	private static WaveSummary summary(ResultSet rs, int n) throws SQLException {
		OffsetDateTime closedAt = rs.getObject("closed_at", OffsetDateTime.class);
		return new WaveSummary(rs.getLong("id"), rs.getLong("site_id"), rs.getString("site_name"), rs.getString("name"),
				rs.getLong("questionnaire_id"), rs.getString("questionnaire_name"), rs.getLong("version_id"),
				rs.getInt("version_number"), rs.getBigDecimal("sample_share"), rs.getInt("avoid_waves"),
				rs.getLong("seed"), rs.getInt("occupied"), rs.getInt("sampled"), rs.getInt("signed"),
				rs.getInt("unsigned"), WaveStatus.valueOf(rs.getString("status")),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				closedAt == null ? null : closedAt.toInstant(), rs.getInt("version"));
	}
}
