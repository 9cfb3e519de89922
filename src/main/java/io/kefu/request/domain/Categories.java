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
				select id, type, parent_id, name, active from request.category where type = :type and active
				order by coalesce(parent_id, id), parent_id nulls first, position, name""")
			.param("type", type.name())
			.query(Category.class)
			.list();
	}

	/** Every category of a type, retired ones too, for the administrator's page. */
	public List<Category> all(RequestType type) {
		return jdbc.sql("""
				select id, type, parent_id, name, active from request.category where type = :type
				order by coalesce(parent_id, id), parent_id nulls first, position, name""")
			.param("type", type.name())
			.query(Category.class)
			.list();
	}

	public long add(RequestType type, Long parentId, String name) {
		return jdbc.sql("""
				insert into request.category (type, parent_id, name, position)
				values (:type, :parent, :name, (select coalesce(max(position), 0) + 1 from request.category
				                                where type = :type and parent_id is not distinct from :parent))
				returning id""")
			.param("type", type.name())
			.param("parent", parentId)
			.param("name", name)
			.query(Long.class)
			.single();
	}

	public int update(long id, String name, boolean active) {
		return jdbc.sql("update request.category set name = :name, active = :active where id = :id")
			.param("id", id)
			.param("name", name)
			.param("active", active)
			.update();
	}

	public Optional<Category> row(long id) {
		return jdbc.sql("select id, type, parent_id, name, active from request.category where id = :id")
			.param("id", id)
			.query(Category.class)
			.optional();
	}

	public Optional<Category> find(long id) {
		return jdbc.sql("select id, type, parent_id, name, active from request.category where id = :id and active")
			.param("id", id)
			.query(Category.class)
			.optional();
	}
}
