package cn.jianfu.catalogue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.jianfu.catalogue.internal.Entry;
import cn.jianfu.catalogue.internal.Forms;
import cn.jianfu.catalogue.internal.Indicator.PeriodType;
import cn.jianfu.org.Viewer;

/**
 * How other modules (the demo scenario) place a data request with a catalogue form and
 * fill a unit's sheet: the same calls as the form page and the entry API, with the same
 * checks of the viewer.
 */
@Component
public class DataRequestForms {

	private final Forms forms;

	private final Entry entry;

	DataRequestForms(Forms forms, Entry entry) {
		this.forms = forms;
		this.entry = entry;
	}

	/**
	 * Creates the form and the gate's draft for the issuer, addressed to every unit of
	 * the level under a unit; the fields are matched against the catalogue as on the form
	 * page.
	 * @param legalBasis what the request rests on, shown to the recipients
	 * @param periodType {@code MONTH}, {@code QUARTER}, {@code YEAR} or {@code ONCE}
	 * @return the demand's id
	 */
	public long draft(Viewer issuer, String title, String periodType, String period, int recipientLevel,
			String recipientUnder, LocalDate deadline, @Nullable String legalBasis, List<String> fields) {
		return this.forms.create(issuer, new Forms.Request(title, null, legalBasis, PeriodType.valueOf(periodType),
				period, recipientLevel, recipientUnder, deadline, fields, true));
	}

	/**
	 * Saves the unit's sheet of an issued form: the given values by indicator code over
	 * what the sheet already shows (pre-filled or carried over), submitted if asked.
	 * @return how many fields of the sheet were pre-filled before
	 */
	public long fill(Viewer unit, long demandId, Map<String, String> values, boolean submit) {
		Entry.Sheet sheet = this.entry.sheet(unit, demandId);
		Map<String, String> entered = new LinkedHashMap<>();
		for (Entry.Cell cell : sheet.cells()) {
			if (cell.source() != Entry.Source.CATALOGUE && cell.value() != null) {
				entered.put(cell.code(), cell.value());
			}
		}
		values.forEach((code, value) -> {
			if (sheet.cells().stream().anyMatch(c -> c.code().equals(code) && c.source() != Entry.Source.CATALOGUE)) {
				entered.put(code, value);
			}
		});
		this.entry.save(unit, demandId, sheet.version(), entered, submit);
		return sheet.prefilled();
	}

	/**
	 * Whether the unit has a sheet of this form (the form is issued and addresses it).
	 */
	public boolean hasSheet(Viewer unit, long demandId) {
		return this.entry.assignments(unit).stream().anyMatch(a -> a.demandId() == demandId);
	}

}
