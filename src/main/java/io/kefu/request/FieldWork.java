package io.kefu.request;

import static io.kefu.request.RequestChanges.required;
import static io.kefu.request.RequestChanges.trimmed;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import io.kefu.request.domain.ServiceRequest;
import io.kefu.request.domain.WorkRecords;
import io.kefu.security.CurrentUser;
import io.kefu.shared.FileType;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The technician's steps on a job (我的任务): accept or return it, arrive, pause and
 * resume, quote paid work, record materials, complete with the customer's signature,
 * collect the fee. Only the person the job was given to takes them.
 */
@Service
public class FieldWork {

	public static final int MAX_SIGNATURE_BYTES = 1024 * 1024;

	private final RequestChanges changes;

	private final WorkRecords records;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	FieldWork(RequestChanges changes, WorkRecords records, ApplicationEventPublisher events, Clock clock) {
		this.changes = changes;
		this.records = records;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public void accept(CurrentUser user, long id, int version) {
		ServiceRequest request = changes.apply(user, id, version, "接单", null, r -> r.accept(user.accountId(), clock.instant()));
		events.publishEvent(new ServiceRequestAccepted(id, request.siteId(), request.type(), request.categoryId(),
				request.priority(), user.accountId(), clock.instant()));
	}

	@Transactional
	public void returnJob(CurrentUser user, long id, int version, String reason) {
		String why = required(reason, "reason", "请填写退单原因");
		ServiceRequest request = changes.apply(user, id, version, "退单", why, r -> r.returnJob(user.accountId()));
		events.publishEvent(new ServiceRequestReturned(id, request.siteId(), request.type(), request.categoryId(),
				request.priority(), user.accountId(), why, clock.instant()));
	}

	@Transactional
	public void arrive(CurrentUser user, long id, int version, String findings) {
		ServiceRequest request = changes.apply(user, id, version, "到场", findings,
				r -> r.arrive(user.accountId(), trimmed(findings), clock.instant()));
		events.publishEvent(new ServiceRequestArrived(id, request.siteId(), user.accountId(), clock.instant()));
	}

	@Transactional
	public void pause(CurrentUser user, long id, int version, PauseReason reason, String note) {
		if (reason == null) {
			throw new InvalidInputException("reason", "请选择暂停原因：等待客户或等待配件");
		}
		ServiceRequest request = changes.apply(user, id, version, "暂停", note, r -> r.pause(user.accountId(), reason));
		events.publishEvent(new ServiceRequestPaused(id, request.siteId(), request.type(), request.categoryId(),
				request.priority(), reason, clock.instant()));
	}

	@Transactional
	public void resume(CurrentUser user, long id, int version) {
		ServiceRequest request = changes.apply(user, id, version, "恢复处理", null, r -> r.resume(user.accountId()));
		events.publishEvent(new ServiceRequestResumed(id, request.siteId(), request.type(), request.categoryId(),
				request.priority(), user.accountId(), clock.instant()));
	}

	/** The assignee finishes the work; the customer's name confirms it where there is a customer. */
	@Transactional
	public void complete(CurrentUser user, long id, int version, String result, String confirmedBy) {
		complete(user, id, version, result, confirmedBy, null);
	}

	/**
	 * The assignee finishes the work with the customer's confirmation: their name and,
	 * drawn on the screen, their signature as a PNG image (签字确认).
	 */
	@Transactional
	public void complete(CurrentUser user, long id, int version, String result, String confirmedBy, byte[] signature) {
		String outcome = required(result, "result", "请填写处理结果");
		if (signature != null) {
			required(confirmedBy, "confirmedBy", "请填写签字客户的姓名");
			if (signature.length > MAX_SIGNATURE_BYTES) {
				throw new InvalidInputException("signature", "签名图片太大（不能超过 1 MB）");
			}
			if (FileType.of(signature).filter(t -> t == FileType.PNG).isEmpty()) {
				throw new InvalidInputException("signature", "签名须为 PNG 图片");
			}
		}
		ServiceRequest request = changes.apply(user, id, version, "完工", outcome,
				r -> r.complete(user.accountId(), outcome, trimmed(confirmedBy), clock.instant()));
		if (signature != null) {
			records.saveSignature(id, signature, confirmedBy.strip(), clock.instant());
		}
		events.publishEvent(new ServiceRequestCompleted(id, request.siteId(), request.type(), request.categoryId(),
				request.priority(), user.accountId(), clock.instant()));
	}

	/** Writes or rewrites the quote for paid work (报价); exact amounts in yuan. */
	@Transactional
	public void quote(CurrentUser user, long id, int version, List<QuoteLine> lines) {
		if (lines == null || lines.isEmpty()) {
			throw new InvalidInputException("lines", "报价至少要有一项");
		}
		for (QuoteLine line : lines) {
			if (line.item() == null || line.item().isBlank()) {
				throw new InvalidInputException("lines", "请填写报价项目名称");
			}
			if (line.quantity() == null || line.quantity().signum() <= 0 || line.quantity().scale() > 2) {
				throw new InvalidInputException("lines", "“" + line.item() + "”的数量应大于 0，最多两位小数");
			}
			if (line.unitPrice() == null || line.unitPrice().signum() < 0 || line.unitPrice().scale() > 2) {
				throw new InvalidInputException("lines", "“" + line.item() + "”的单价应为不小于 0 的金额，最多两位小数");
			}
		}
		BigDecimal total = lines.stream().map(QuoteLine::amount).reduce(BigDecimal.ZERO,
				BigDecimal::add);
		changes.apply(user, id, version, "报价", "合计 ¥" + total.toPlainString(),
				r -> r.requireQuotable(user.accountId()));
		records.replaceQuote(id, lines.stream().map(l -> new QuoteLine(l.item().strip(), l.quantity(), l.unitPrice())).toList());
	}

	/** The customer accepts the quote; paid work can then be done and completed. */
	@Transactional
	public void acceptQuote(CurrentUser user, long id, int version, String acceptedBy) {
		String by = required(acceptedBy, "acceptedBy", "请填写确认报价的客户姓名");
		boolean hasQuote = !records.quote(id).isEmpty();
		changes.apply(user, id, version, "客户确认报价", by,
				r -> r.acceptQuote(user.accountId(), hasQuote, by, clock.instant()));
	}

	@Transactional
	public void recordMaterials(CurrentUser user, long id, int version, String materials) {
		String used = required(materials, "materials", "请填写使用的材料");
		changes.apply(user, id, version, "登记材料", used, r -> r.recordMaterials(user.accountId(), used));
	}

	@Transactional
	public void collectFee(CurrentUser user, long id, int version, BigDecimal amount) {
		changes.apply(user, id, version, "收费", amount == null ? null : "¥" + amount.toPlainString(),
				r -> r.collectFee(user.accountId(), amount));
	}

	public List<QuoteLine> quoteOf(CurrentUser user, long id) {
		changes.load(user, id);
		return records.quote(id);
	}

	/** The customer's signature as a PNG image, within the caller's sites. */
	public byte[] signature(CurrentUser user, long id) {
		changes.load(user, id);
		return records.signature(id).orElseThrow(() -> new NotFoundException("该工单没有客户签名"));
	}
}
