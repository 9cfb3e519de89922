package io.kefu.request.web;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;

import io.kefu.StaffMother.TestUser;
import io.kefu.directory.HouseholdInput;
import io.kefu.directory.HouseholdState;
import io.kefu.directory.PersonInput;
import io.kefu.directory.PersonRole;
import io.kefu.directory.SiteSummary;
import io.kefu.directory.domain.Households;
import io.kefu.request.RequestMother;
import io.kefu.request.RequestMother.FieldSite;
import io.kefu.request.RequestType;
import io.kefu.request.ServiceRequestManagement;

import org.springframework.stereotype.Component;

/** An estate with two households and an agent, ready for a call; and photos to go with it. */
@Component
class IntakeMother {

	private final RequestMother sites;

	private final Households households;

	private final ServiceRequestManagement requests;

	IntakeMother(RequestMother sites, Households households, ServiceRequestManagement requests) {
		this.sites = sites;
		this.households = households;
		this.requests = requests;
	}

	/**
	 * A new site with building 180 (rooms 180#1-1-1 … 180#1-2-2) and an agent, the
	 * household 王大明 (phone 13912345678, room 180#1-1-1) and its neighbour 李小红
	 * (13987650000, room 180#1-1-2), both registered by the agent.
	 */
	Estate estate() {
		FieldSite site = sites.fieldSite();
		long household = households.create(site.agent().user(),
				new HouseholdInput(site.site().id(), "王大明", HouseholdState.OCCUPIED, null, null, List.of("180#1-1-1"),
						List.of(new PersonInput("王大明", PersonRole.OWNER, "13912345678", null))));
		long neighbour = households.create(site.agent().user(),
				new HouseholdInput(site.site().id(), "李小红", HouseholdState.OCCUPIED, null, null, List.of("180#1-1-2"),
						List.of(new PersonInput("李小红", PersonRole.OWNER, "13987650000", null))));
		return new Estate(site.site(), site.agent(), household, neighbour, site.technician());
	}

	record Estate(SiteSummary site, TestUser agent, long householdId, long neighbourId, TestUser technician) {

		long siteId() {
			return site.id();
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
