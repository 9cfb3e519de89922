package io.kefu.directory.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.kefu.directory.HouseholdSummary;
import io.kefu.directory.domain.Households;
import io.kefu.directory.domain.Places;
import io.kefu.security.CurrentUser;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The household list of the caller's sites (or one of them) as an .xlsx file,
 * written row by row as the households are read. Phones come masked for roles
 * that do not see personal data; a cell that Excel would take for a formula is
 * written with a leading {@code '}.
 */
@Component
class HouseholdExport {

	static final List<String> HEADERS = List.of("项目", "户名", "入住状态", "入住日期", "房号", "人员", "电话");

	private static final int FLUSH_EVERY = 1000;

	private final Households households;

	private final Places places;

	private final MessageSource messages;

	HouseholdExport(Households households, Places places, MessageSource messages) {
		this.households = households;
		this.places = places;
		this.messages = messages;
	}

	/** The file's name: 业户清单-20240301.xlsx. */
	static String filename(LocalDate today) {
		return "业户清单-" + today.toString().replace("-", "") + ".xlsx";
	}

	/** Refuses a site outside the caller's before anything is written. */
	void checkSite(CurrentUser user, Long siteId) {
		if (siteId != null) {
			places.site(user, siteId);
		}
	}

	void write(CurrentUser user, Long siteId, OutputStream out) throws IOException {
		checkSite(user, siteId);
		Workbook workbook = new Workbook(out, "Kefu", "1.0");
		Worksheet sheet = workbook.newWorksheet("业户");
		for (int c = 0; c < HEADERS.size(); c++) {
			sheet.value(0, c, HEADERS.get(c));
		}
		sheet.range(0, 0, 0, HEADERS.size() - 1).style().bold().set();
		sheet.freezePane(0, 1);
		int[] row = { 0 };
		households.forEach(user, siteId, household -> {
			row[0]++;
			List<String> cells = cells(household);
			for (int c = 0; c < cells.size(); c++) {
				if (cells.get(c) != null) {
					sheet.value(row[0], c, safe(cells.get(c)));
				}
			}
			if (row[0] % FLUSH_EVERY == 0) {
				try {
					sheet.flush();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		});
		workbook.finish();
	}

	private List<String> cells(HouseholdSummary household) {
		return java.util.Arrays.asList(household.siteName(), household.name(),
				messages.getMessage("state." + household.state().name(), null, Locale.SIMPLIFIED_CHINESE),
				household.moveInDate() == null ? null : household.moveInDate().toString(), household.rooms(),
				household.people(), household.phones());
	}

	/**
	 * Text that a spreadsheet would run as a formula (it starts with {@code =},
	 * {@code +}, {@code -} or {@code @}, or a tab or carriage return before one)
	 * gets a leading {@code '} so that it stays text.
	 */
	static String safe(String text) {
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}
}
