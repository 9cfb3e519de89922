package io.kefu.request.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.kefu.request.PhotoUpload;
import io.kefu.security.CurrentUser;
import io.kefu.shared.FileType;
import io.kefu.shared.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The photos of a request. What a file is comes from its first bytes: a browser's
 * content type and a file name are claims, and a file whose claim differs from its
 * bytes is refused like one that is no photo at all.
 */
@Component
public class RequestPhotos {

	public static final long MAX_BYTES = 10L * 1024 * 1024;

	public static final int MAX_PHOTOS = 5;

	private static final String JPEG = "image/jpeg";

	private static final String PNG = "image/png";

	private static final Map<String, String> CLAIMED_BY_EXTENSION = Map.of("jpg", JPEG, "jpeg", JPEG, "jpe", JPEG,
			"jfif", JPEG, "png", PNG, "gif", "image/gif", "webp", "image/webp", "heic", "image/heic", "bmp",
			"image/bmp");

	private final JdbcClient jdbc;

	RequestPhotos(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A photo that passed {@link #check}: its real type and a file name safe to show. */
	public record CheckedPhoto(String filename, String contentType, byte[] content) {
	}

	/** A photo as the request page lists it, without its bytes. */
	public record Photo(long id, String filename, String contentType, int size, Instant uploadedAt) {
	}

	public record StoredPhoto(String filename, String contentType, byte[] content) {
	}

	/** Checks every photo before anything is stored; the first one that breaks a rule is named in the message. */
	public List<CheckedPhoto> check(List<PhotoUpload> uploads) {
		if (uploads.size() > MAX_PHOTOS) {
			throw new InvalidInputException("photos", "照片太多：每次受理最多 " + MAX_PHOTOS + " 张");
		}
		return uploads.stream().map(RequestPhotos::checked).toList();
	}

	public void store(long requestId, List<CheckedPhoto> photos, Instant at) {
		for (CheckedPhoto photo : photos) {
			jdbc.sql("""
					insert into request.request_photo (request_id, filename, content_type, size, content, uploaded_at)
					values (:request, :filename, :type, :size, :content, :at)""")
				.param("request", requestId)
				.param("filename", photo.filename())
				.param("type", photo.contentType())
				.param("size", photo.content().length)
				.param("content", photo.content())
				.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
				.update();
		}
	}

	/** The request's photos in the order they were taken; the caller has checked it may see the request. */
	public List<Photo> of(long requestId) {
		return jdbc.sql("""
				select id, filename, content_type, size, uploaded_at from request.request_photo
				where request_id = :request order by id""")
			.param("request", requestId)
			.query((rs, n) -> new Photo(rs.getLong("id"), rs.getString("filename"), rs.getString("content_type"),
					rs.getInt("size"), rs.getObject("uploaded_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/** One photo of a request of the caller's sites. */
	public Optional<StoredPhoto> find(CurrentUser user, long requestId, long photoId) {
		return jdbc.sql("""
				select p.filename, p.content_type, p.content from request.request_photo p
				join request.service_request r on r.id = p.request_id
				where p.id = :photo and p.request_id = :request and r.site_id = any(:sites)""")
			.param("photo", photoId)
			.param("request", requestId)
			.param("sites", user.sites())
			.query((rs, n) -> new StoredPhoto(rs.getString("filename"), rs.getString("content_type"),
					rs.getBytes("content")))
			.optional();
	}

	private static CheckedPhoto checked(PhotoUpload upload) {
		String name = filename(upload.filename());
		byte[] content = upload.content() == null ? new byte[0] : upload.content();
		if (content.length == 0) {
			throw new InvalidInputException("photos", "照片“" + name + "”是空文件");
		}
		if (content.length > MAX_BYTES) {
			throw new InvalidInputException("photos", "照片“" + name + "”太大（"
					+ String.format(Locale.ROOT, "%.1f", content.length / 1024.0 / 1024.0) + " MB）：每张不能超过 10 MB");
		}
		String real = realType(content);
		if (real == null) {
			throw new InvalidInputException("photos", "“" + name + "”不是照片：只能上传 JPEG 或 PNG 图片");
		}
		for (String claimed : new String[] { claimedByContentType(upload.declaredType()), claimedByExtension(name) }) {
			if (claimed != null && !claimed.equals(real)) {
				throw new InvalidInputException("photos", "照片“" + name + "”的类型与内容不符：标为 " + label(claimed)
						+ "，内容却是 " + label(real) + "。请确认后重新选择");
			}
		}
		return new CheckedPhoto(name, real, content);
	}

	private static String realType(byte[] content) {
		return FileType.of(content).filter(t -> t != FileType.PDF).map(FileType::mediaType).orElse(null);
	}

	/** Only an image type is a claim; {@code application/octet-stream} and the like say nothing. */
	private static String claimedByContentType(String declared) {
		if (declared == null) {
			return null;
		}
		String type = declared.split(";")[0].strip().toLowerCase(Locale.ROOT);
		return switch (type) {
			case "image/jpg", "image/pjpeg" -> JPEG;
			default -> type.startsWith("image/") ? type : null;
		};
	}

	private static String claimedByExtension(String filename) {
		int dot = filename.lastIndexOf('.');
		return dot < 0 ? null : CLAIMED_BY_EXTENSION.get(filename.substring(dot + 1).toLowerCase(Locale.ROOT));
	}

	private static String label(String type) {
		return type.substring(type.indexOf('/') + 1).toUpperCase(Locale.ROOT);
	}

	/** The name without any folder some browsers send along, at most 200 characters. */
	private static String filename(String original) {
		String name = original == null ? "" : original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
		if (name.isEmpty()) {
			return "照片";
		}
		return name.length() > 200 ? name.substring(name.length() - 200) : name;
	}
}
