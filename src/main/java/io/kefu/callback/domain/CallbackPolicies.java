package io.kefu.callback.domain;

import java.util.List;

import io.kefu.callback.CallbackPolicy;
import io.kefu.request.RequestType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which resolved requests are called back: a category's own row first, then its parent category's, then its type's. */
@Component
public class CallbackPolicies {

	private final JdbcClient jdbc;

	CallbackPolicies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean required(RequestType type, Long categoryId, Long parentCategoryId) {
		return jdbc.sql("""
				select required from callback.callback_policy
				where type = :type and (category_id is null or category_id = :category or category_id = :parent)
				order by case when category_id = :category then 0 when category_id = :parent then 1 else 2 end limit 1""")
			.param("type", type.name())
			.param("category", categoryId)
			.param("parent", parentCategoryId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** Every row, the types first, then their categories; names come from the caller. */
	public List<CallbackPolicy> all() {
		return jdbc.sql("select type, category_id, required from callback.callback_policy order by type, category_id nulls first")
			.query((rs, n) -> new CallbackPolicy(RequestType.valueOf(rs.getString("type")),
					(Long) rs.getObject("category_id"), null, rs.getBoolean("required")))
			.list();
	}

	public void set(RequestType type, Long categoryId, boolean required) {
		jdbc.sql("""
				insert into callback.callback_policy (type, category_id, required) values (:type, :category, :required)
				on conflict (type, category_id) do update set required = excluded.required, updated_at = now()""")
			.param("type", type.name())
			.param("category", categoryId)
			.param("required", required)
			.update();
	}

	/** A category goes back to its type's rule. */
	public void clear(RequestType type, long categoryId) {
		jdbc.sql("delete from callback.callback_policy where type = :type and category_id = :category")
			.param("type", type.name())
			.param("category", categoryId)
			.update();
	}
}
