package cn.jianfu.duties.internal;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.org.Unit;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * Imports a unit's list from a workbook: the viewer must keep the unit's list; every row
 * is read and checked before anything is written, and the list is replaced whole or not
 * at all. A dry run checks without writing.
 */
@Component
public class ListImport {

	/** Largest workbook accepted, in bytes (5 MB). */
	public static final long MAX_BYTES = 5L * 1024 * 1024;

	private final DutyLists lists;

	private final DutyWorkbook workbook;

	ListImport(DutyLists lists, DutyWorkbook workbook) {
		this.lists = lists;
		this.workbook = workbook;
	}

	/**
	 * Reads and (unless a dry run) stores the list.
	 * @throws ImportErrors when the workbook has errors; nothing is written then
	 */
	@Transactional
	public Summary importList(Viewer viewer, String unitCode, InputStream in, long size, DutyLists.Approval approval,
			boolean dryRun) {
		Unit unit = this.lists.requireWritable(viewer, unitCode);
		if (size <= 0 || size > MAX_BYTES) {
			throw Problem.badRequest("duties.import.file", MAX_BYTES);
		}
		ListKind kind = DutyLists.kindFor(unit.level()).orElseThrow();
		DutyList list;
		try (InputStream bounded = in) {
			list = this.workbook.read(bounded, unit.code(), kind);
		}
		catch (IOException ex) {
			throw Problem.badRequest("duties.import.file", MAX_BYTES);
		}
		if (!dryRun) {
			this.lists.replace(list, viewer.username(), approval);
		}
		return new Summary(unit.code(), kind, list.items().size(), list.certificates().size(), dryRun);
	}

	/** What an import read (and stored, unless a dry run). */
	public record Summary(String unitCode, ListKind kind, int items, int certificates, boolean dryRun) {
	}

}
