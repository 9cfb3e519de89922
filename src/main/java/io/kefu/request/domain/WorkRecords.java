package io.kefu.request.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.kefu.request.FollowUpNote;
import io.kefu.request.QuoteLine;
import io.kefu.security.CurrentUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What field work leaves behind: quote lines, the customer's signature, daily follow-ups. */
@Component
public class WorkRecords {

	private final JdbcClient jdbc;

	WorkRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void replaceQuote(long requestId, List<QuoteLine> lines) {
		jdbc.sql("delete from request.quote_line where request_id = :request").param("request", requestId).update();
		for (int i = 0; i < lines.size(); i++) {
			QuoteLine line = lines.get(i);
			jdbc.sql("""
					insert into request.quote_line (request_id, position, item, quantity, unit_price)
					values (:request, :position, :item, :quantity, :price)""")
				.param("request", requestId)
				.param("position", i + 1)
				.param("item", line.item())
				.param("quantity", line.quantity())
				.param("price", line.unitPrice())
				.update();
		}
	}

	public List<QuoteLine> quote(long requestId) {
		return jdbc.sql("select item, quantity, unit_price from request.quote_line where request_id = :request order by position")
			.param("request", requestId)
			.query(QuoteLine.class)
			.list();
	}

	public void saveSignature(long requestId, byte[] png, String signedBy, Instant at) {
		jdbc.sql("""
				insert into request.signature (request_id, image, signed_by, signed_at) values (:request, :image, :by, :at)
				on conflict (request_id) do update set image = excluded.image, signed_by = excluded.signed_by,
				       signed_at = excluded.signed_at""")
			.param("request", requestId)
			.param("image", png)
			.param("by", signedBy)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.update();
	}

	public Optional<byte[]> signature(long requestId) {
		return jdbc.sql("select image from request.signature where request_id = :request")
			.param("request", requestId)
			.query(byte[].class)
			.optional();
	}

	public void addFollowUp(long requestId, CurrentUser author, String text, Instant at) {
		jdbc.sql("""
				insert into request.follow_up_note (request_id, written_at, author_id, author_name, text)
				values (:request, :at, :author, :name, :text)""")
			.param("request", requestId)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("author", author.accountId())
			.param("name", author.displayName())
			.param("text", text)
			.update();
	}

	public List<FollowUpNote> followUps(long requestId) {
		return jdbc.sql("""
				select written_at, author_name, text from request.follow_up_note where request_id = :request
				order by written_at desc, id desc""")
			.param("request", requestId)
			.query((rs, n) -> new FollowUpNote(rs.getObject("written_at", OffsetDateTime.class).toInstant(),
					rs.getString("author_name"), rs.getString("text")))
			.list();
	}

	/** The requests merged into this one. */
	public List<Long> children(long parentId) {
		return jdbc.sql("select id from request.service_request where parent_id = :parent order by id")
			.param("parent", parentId)
			.query(Long.class)
			.list();
	}
}
