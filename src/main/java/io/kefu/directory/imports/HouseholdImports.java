package io.kefu.directory.imports;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.kefu.directory.imports.ImportJobs.StoredFile;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports rooms and households from an .xlsx file in two steps: the upload is
 * checked row by row in the background (nothing is written), and once the
 * uploader confirms, the file is checked again and written in one transaction.
 * Both steps run on a small pool of their own and report progress in the job's row.
 */
@Service
class HouseholdImports implements DisposableBean {

	static final Set<Role> ROLES = EnumSet.of(Role.ADMINISTRATOR, Role.CLERK, Role.SITE_MANAGER);

	private static final Logger log = LoggerFactory.getLogger(HouseholdImports.class);

	private final ImportJobs jobs;

	private final ImportCheck check;

	private final ImportWriter writer;

	private final TransactionTemplate transaction;

	/**
	 * Two at a time: each holds a whole file's rows in memory and keeps a core
	 * busy; more jobs wait their turn.
	 */
	private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

	HouseholdImports(ImportJobs jobs, ImportCheck check, ImportWriter writer, PlatformTransactionManager transactions) {
		this.jobs = jobs;
		this.check = check;
		this.writer = writer;
		this.transaction = new TransactionTemplate(transactions);
		executor.setCorePoolSize(2);
		executor.setMaxPoolSize(2);
		executor.setThreadNamePrefix("import-");
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(60);
		executor.initialize();
	}

	static void requireRole(CurrentUser user) {
		if (ROLES.stream().noneMatch(user::hasRole)) {
			throw new AccessDeniedException("role");
		}
	}

	/** Takes a file whose form and header are right and starts checking its rows. */
	ImportJob upload(CurrentUser user, String filename, byte[] content) {
		requireRole(user);
		ImportSheet.check(content);
		long id = jobs.create(user, cleanFilename(filename), content);
		executor.execute(() -> validate(id));
		return job(user, id);
	}

	ImportJob job(CurrentUser user, long id) {
		requireRole(user);
		return jobs.find(user, id).orElseThrow(() -> new NotFoundException("没有找到该导入任务"));
	}

	List<ImportProblem> problems(CurrentUser user, long id) {
		job(user, id);
		return jobs.problems(id);
	}

	List<ImportJob> recent(CurrentUser user) {
		requireRole(user);
		return jobs.recent(user);
	}

	/** Confirms a checked file: it is checked again and written in the background. */
	ImportJob commit(CurrentUser user, long id) {
		ImportJob job = job(user, id);
		if (job.state() == ImportState.READY && jobs.move(id, ImportState.READY, ImportState.COMMITTING)) {
			executor.execute(() -> write(id));
			return job(user, id);
		}
		// read again: a second click may have lost the race to the first
		throw new InvalidInputException("state", switch (job(user, id).state()) {
			case VALIDATING -> "文件还在检查中，请等检查完成后再确认导入";
			case INVALID -> "文件中有问题，不能导入：请修改后重新上传";
			case READY, COMMITTING -> "该文件已确认，正在导入";
			case DONE -> "该文件已经导入过了";
			case FAILED -> "该导入任务已结束，请重新上传文件";
		});
	}

	private void validate(long id) {
		try {
			StoredFile file = jobs.file(id).orElse(null);
			if (file == null) {
				return;
			}
			long start = System.nanoTime();
			ImportPlan plan = check.check(file.content(), file.sites(), rows -> jobs.progress(id, rows, 0));
			transaction.executeWithoutResult(status -> jobs.checked(id, ImportState.VALIDATING, plan));
			log.info("Import job {}: checked {} rows in {} ms, {} problems", id, plan.lines(), millisSince(start),
					plan.problems().size());
		}
		catch (InvalidInputException ex) {
			jobs.fail(id, ImportState.VALIDATING, ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("Checking import job {} failed", id, ex);
			jobs.fail(id, ImportState.VALIDATING, "检查文件时出错，未写入任何数据。请稍后重新上传，或联系管理员");
		}
	}

	private void write(long id) {
		try {
			StoredFile file = jobs.file(id).orElseThrow(() -> new IllegalStateException("import job without a file"));
			long start = System.nanoTime();
			ImportPlan plan = check.check(file.content(), file.sites(), rows -> jobs.progress(id, rows, 0));
			long written = System.nanoTime();
			transaction.executeWithoutResult(status -> {
				if (!plan.isValid()) {
					jobs.checked(id, ImportState.COMMITTING, plan);
					return;
				}
				writer.write(plan.rows(), rows -> jobs.progress(id, plan.lines(), rows));
				if (!jobs.done(id, plan)) {
					throw new IllegalStateException("import job " + id + " was ended while it was being written");
				}
			});
			log.info("Import job {}: checked {} rows again in {} ms, wrote them in {} ms", id, plan.lines(),
					(written - start) / 1_000_000, millisSince(written));
		}
		catch (InvalidInputException ex) {
			jobs.fail(id, ImportState.COMMITTING, ex.getMessage());
		}
		catch (DuplicateKeyException ex) {
			jobs.fail(id, ImportState.COMMITTING,
					"导入时发现有房号已被他人同时登记，未写入任何数据。请重新上传文件，检查后再导入");
		}
		catch (RuntimeException ex) {
			log.error("Writing import job {} failed", id, ex);
			jobs.fail(id, ImportState.COMMITTING, "导入失败，未写入任何数据。请稍后重试，或联系管理员");
		}
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

	private static String cleanFilename(String filename) {
		if (filename == null || filename.isBlank()) {
			return "导入文件.xlsx";
		}
		String name = filename.strip().replaceAll(".*[/\\\\]", "");
		return name.length() > 200 ? name.substring(name.length() - 200) : name;
	}

	@Override
	public void destroy() {
		executor.shutdown();
	}
}
