using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentApi.Infrastructure;

/// <summary>A value already serialized as UTF-8 JSON by this service's own serializer, written out as it is.</summary>
[JsonConverter(typeof(Converter))]
public sealed class RawJson(byte[] utf8)
{
    public byte[] Utf8 { get; } = utf8;

    public sealed class Converter : JsonConverter<RawJson>
    {
        public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("RawJson is written, never read.");

        // Our own serializer wrote these bytes, so there is nothing to validate again.
        public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Utf8, skipInputValidation: true);
    }
}
