package io.kefu.request.web;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;

import javax.imageio.ImageIO;

import io.kefu.StaffMother;
import io.kefu.StaffMother.SiteAndAdmin;
import io.kefu.StaffMother.TestUser;
import io.kefu.directory.HouseholdInput;
import io.kefu.directory.HouseholdState;
import io.kefu.directory.PersonInput;
import io.kefu.directory.PersonRole;
import io.kefu.directory.domain.Households;
import io.kefu.directory.domain.Places;
import io.kefu.request.RequestType;
import io.kefu.request.ServiceRequestManagement;
import io.kefu.security.Role;

import org.springframework.stereotype.Component;

/** An estate with two households and an agent, ready for a call; and photos to go with it. */
@Component
class IntakeMother {

	private final StaffMother staff;

	private final Places places;

	private final Households households;

	private final ServiceRequestManagement requests;

	IntakeMother(StaffMother staff, Places places, Households households, ServiceRequestManagement requests) {
		this.staff = staff;
		this.places = places;
		this.households = households;
		this.requests = requests;
	}

	/**
	 * A new site with building 180 (rooms 180#1-1-1 … 180#1-2-2), the household 王大明
	 * (phone 13912345678, room 180#1-1-1), its neighbour 李小红 (13987650000, room
	 * 180#1-1-2) and an agent of the site.
	 */
	Estate estate() {
		SiteAndAdmin site = staff.site();
		long building = places.createBuilding(site.admin().user(), site.site().id(), "180", null).id();
		places.generateRooms(site.admin().user(), building, 1, 2, 2, null);
		long household = households.create(site.admin().user(),
				new HouseholdInput(site.site().id(), "王大明", HouseholdState.OCCUPIED, null, null, List.of("180#1-1-1"),
						List.of(new PersonInput("王大明", PersonRole.OWNER, "13912345678", null))));
		long neighbour = households.create(site.admin().user(),
				new HouseholdInput(site.site().id(), "李小红", HouseholdState.OCCUPIED, null, null, List.of("180#1-1-2"),
						List.of(new PersonInput("李小红", PersonRole.OWNER, "13987650000", null))));
		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of(site.site().id()));
		return new Estate(site, agent, household, neighbour);
	}

	record Estate(SiteAndAdmin site, TestUser agent, long householdId, long neighbourId) {

		long siteId() {
			return site.site().id();
		}
	}

	long category(RequestType type, String name) {
		return requests.categories(type).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().id();
	}

	static byte[] png() {
		return image("png", BufferedImage.TYPE_INT_ARGB);
	}

	static byte[] jpeg() {
		return image("jpg", BufferedImage.TYPE_INT_RGB);
	}

	private static byte[] image(String format, int type) {
		BufferedImage image = new BufferedImage(8, 8, type);
		var graphics = image.createGraphics();
		graphics.setColor(Color.ORANGE);
		graphics.fillRect(0, 0, 8, 8);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}
}
