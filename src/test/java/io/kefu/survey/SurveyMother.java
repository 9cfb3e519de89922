package io.kefu.survey;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import io.kefu.StaffMother;
import io.kefu.StaffMother.SiteAndAdmin;
import io.kefu.StaffMother.TestUser;
import io.kefu.directory.StaffInput;
import io.kefu.directory.domain.Staffing;
import io.kefu.directory.domain.Staffing.NewStaff;
import io.kefu.security.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sites for survey tests, written set-based: buildings with the number of occupied
 * households given, each household in a room of its own, plus empty and renovating ones.
 */
@Component
public class SurveyMother {

	private final StaffMother staff;

	private final JdbcClient jdbc;

	private final Staffing staffing;

	SurveyMother(StaffMother staff, JdbcClient jdbc, Staffing staffing) {
		this.staff = staff;
		this.jdbc = jdbc;
		this.staffing = staffing;
	}

	/** A site whose building {@code i} has {@code occupied[i]} occupied households and {@code unoccupied} others. */
	public Site site(int unoccupied, int... occupied) {
		SiteAndAdmin site = staff.site();
		long siteId = site.site().id();
		List<Long> buildings = new ArrayList<>();
		for (int b = 0; b < occupied.length; b++) {
			long building = jdbc.sql("""
					insert into directory.building (site_id, code, name) values (:site, :code, :name) returning id""")
				.param("site", siteId)
				.param("code", String.valueOf(b + 1))
				.param("name", (b + 1) + "幢")
				.query(Long.class)
				.single();
			buildings.add(building);
			jdbc.sql("""
					insert into directory.room (site_id, building_id, code, entrance, floor, number)
					select :site, :building, :code || '#1-' || (1 + (n - 1) / 10) || '-' || (1 + (n - 1) % 10), 1,
					       1 + (n - 1) / 10, 1 + (n - 1) % 10
					from generate_series(1, :rooms) n""")
				.param("site", siteId)
				.param("building", building)
				.param("code", String.valueOf(b + 1))
				.param("rooms", occupied[b] + unoccupied)
				.update();
			jdbc.sql("""
					insert into directory.household (site_id, name, state)
					select r.site_id, '住户' || r.code,
					       case when row_number() over (order by r.id) <= :occupied then 'OCCUPIED'
					            when r.id % 2 = 0 then 'VACANT' else 'RENOVATING' end
					from directory.room r where r.building_id = :building order by r.id""")
				.param("building", building)
				.param("occupied", occupied[b])
				.update();
			jdbc.sql("""
					insert into directory.household_room (household_id, room_id)
					select h.id, r.id from directory.room r
					join directory.household h on h.site_id = r.site_id and h.name = '住户' || r.code
					where r.building_id = :building""")
				.param("building", building)
				.update();
		}
		return new Site(site, buildings);
	}

	/** A staff member working at the site, signed in. */
	public TestUser staffMember(Site site, Role role, String name) {
		String number = "W" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		NewStaff created = staffing.createStaff(site.site().admin().user(),
				new StaffInput(number, name, EnumSet.of(role), List.of(site.id()), null, null, null, true));
		return staff.account(number, created.password());
	}

	public record Site(SiteAndAdmin site, List<Long> buildings) {

		public long id() {
			return site.site().id();
		}
	}
}
