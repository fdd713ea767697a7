package dev.kinit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The cases of a file under {@code src/test/resources/torch-1.13.1/} (see its README). */
public final class TorchReference {
  private TorchReference() {}

  public static List<JsonObject> cases(String file) {
    return objects(file, "cases");
  }

  /** The objects of the array {@code key} of {@code file}: {@code "cases"}, {@code "errors"}. */
  public static List<JsonObject> objects(String file, String key) {
    String path = "/torch-1.13.1/" + file;
    try (InputStream in = TorchReference.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      JsonObject root =
          JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
              .getAsJsonObject();
      List<JsonObject> cases = new ArrayList<>();
      root.getAsJsonArray(key).forEach(c -> cases.add(c.getAsJsonObject()));
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static int[] shape(JsonObject c, String key) {
    JsonArray array = c.getAsJsonArray(key);
    int[] shape = new int[array.size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = array.get(i).getAsInt();
    }
    return shape;
  }

  public static boolean isNull(JsonObject c, String key) {
    JsonElement value = c.get(key);
    return value == null || value.isJsonNull();
  }
}
