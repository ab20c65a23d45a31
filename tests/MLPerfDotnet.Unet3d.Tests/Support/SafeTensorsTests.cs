using System.Text;

namespace MLPerfDotnet.Unet3d.Tests.Support;

[Collection(TorchTestCollection.Name)]
public sealed class SafeTensorsTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"safetensors-{Guid.NewGuid():N}.safetensors");

    public SafeTensorsTests() => TorchTestCollection.Init();

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void ReadsShapesDtypesValuesAndMetadata()
    {
        Write("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"U8","shape":[],"data_offsets":[8,9]},"__metadata__":{"k":"v"}}""",
            [.. BitConverter.GetBytes(1.5f), .. BitConverter.GetBytes(-2f), 7]);
        using var file = SafeTensors.Load(_path);
        Assert.Equal([1.5f, -2f], file["a"].data<float>().ToArray());
        Assert.Empty(file["b"].shape);
        Assert.Equal((byte)7, file["b"].item<byte>());
        Assert.Equal("v", file.Metadata["k"]);
    }

    [Fact]
    public void TruncatedDataNamesTheFileAndTensor()
    {
        Write("""{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}""", new byte[8]);
        var error = Assert.Throws<InvalidDataException>(() => SafeTensors.Load(_path));
        Assert.Contains(_path, error.Message, StringComparison.Ordinal);
        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShapeThatDisagreesWithTheByteCountIsRejected()
    {
        Write("""{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", new byte[8]);
        Assert.Throws<InvalidDataException>(() => SafeTensors.Load(_path));
    }

    private void Write(string header, byte[] body)
    {
        byte[] json = Encoding.UTF8.GetBytes(header);
        File.WriteAllBytes(_path, [.. BitConverter.GetBytes((ulong)json.Length), .. json, .. body]);
    }
}
