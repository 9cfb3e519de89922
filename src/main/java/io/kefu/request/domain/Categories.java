package io.kefu.request.domain;

import java.util.List;
import java.util.Optional;

import io.kefu.request.Category;
import io.kefu.request.RequestType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The category trees of the request types. */
@Component
public class Categories {

	private final JdbcClient jdbc;

	Categories(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Category> of(RequestType type) {
		return jdbc.sql("""
				select id, type, parent_id, name from request.category where type = :type and active
				order by coalesce(parent_id, id), parent_id nulls first, position, name""")
			.param("type", type.name())
			.query(Category.class)
			.list();
	}

	public Optional<Category> find(long id) {
		return jdbc.sql("select id, type, parent_id, name from request.category where id = :id and active")
			.param("id", id)
			.query(Category.class)
			.optional();
	}
}
