package io.kefu.directory.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Real .xlsx files for import tests, written with fastexcel the way Excel would hold them. */
final class ImportFiles {

	private ImportFiles() {
	}

	/** A cell that Excel holds as a formula. */
	record Formula(String text) {
	}

	/** The template's header. */
	static Object[] header() {
		return Arrays.stream(ImportColumn.values()).map(ImportColumn::header).toArray();
	}

	/** An empty room: site, building, entrance, floor, room. */
	static Object[] room(String site, String building, int entrance, int floor, int room) {
		Object[] cells = new Object[ImportColumn.values().length];
		cells[ImportColumn.SITE.ordinal()] = site;
		cells[ImportColumn.BUILDING.ordinal()] = building;
		cells[ImportColumn.ENTRANCE.ordinal()] = entrance;
		cells[ImportColumn.FLOOR.ordinal()] = floor;
		cells[ImportColumn.ROOM.ordinal()] = room;
		return cells;
	}

	/** A room with a household and one person. */
	static Object[] household(String site, String building, int entrance, int floor, int room, String household,
			String person, String role, Object phone) {
		return with(room(site, building, entrance, floor, room), ImportColumn.HOUSEHOLD, household,
				ImportColumn.STATE, "入住", ImportColumn.NAME_1, person, ImportColumn.ROLE_1, role,
				ImportColumn.PHONE_1, phone);
	}

	/** The row with some cells changed: column, value, column, value … */
	static Object[] with(Object[] row, Object... columnsAndValues) {
		Object[] copy = row.clone();
		for (int i = 0; i < columnsAndValues.length; i += 2) {
			copy[((ImportColumn) columnsAndValues[i]).ordinal()] = columnsAndValues[i + 1];
		}
		return copy;
	}

	static byte[] xlsx(Object[]... rows) {
		return xlsx(Arrays.asList(rows));
	}

	static byte[] xlsx(List<Object[]> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(out, "Kefu tests", "1.0");
			Worksheet sheet = workbook.newWorksheet("房间与业户");
			for (int r = 0; r < rows.size(); r++) {
				Object[] row = rows.get(r);
				for (int c = 0; c < row.length; c++) {
					if (row[c] instanceof Formula formula) {
						sheet.formula(r, c, formula.text());
					}
					else if (row[c] instanceof Number number) {
						sheet.value(r, c, number);
					}
					else if (row[c] != null) {
						sheet.value(r, c, row[c].toString());
					}
				}
				if (r % 5000 == 4999) {
					sheet.flush();
				}
			}
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A file with the header and {@code count} rooms of one site, each with a household of two people. */
	static byte[] households(String site, int count) {
		List<Object[]> rows = new ArrayList<>(count + 1);
		rows.add(header());
		for (int i = 0; i < count; i++) {
			int building = i / 1000 + 1;
			int entrance = i % 1000 / 200 + 1;
			int floor = i % 200 / 4 + 1;
			int room = i % 4 + 1;
			String phone = "139" + String.format("%08d", i);
			rows.add(with(household(site, "B" + building, entrance, floor, room, "业户" + i, "业主" + i, "业主", phone),
					ImportColumn.AREA, "89.5", ImportColumn.MOVE_IN, "2024-03-01", ImportColumn.NAME_2, "家人" + i,
					ImportColumn.ROLE_2, "家庭成员"));
		}
		return xlsx(rows);
	}
}
