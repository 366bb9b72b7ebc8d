using System.Globalization;
using CloudEdge.Signals.Data;
using CloudEdge.Signals.IO;

namespace CloudEdge.Signals.Tests.IO;

public sealed class NumpyInteropTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("numpy_savez.npz")]
    [InlineData("numpy_savez_compressed.npz")]
    [InlineData("numpy_converted.npz")]
    public void Load_CommittedFilesWrittenByNumpy_HoldTheScriptsValues(string file)
    {
        var dataset = NpzDataset.Load(Path.Combine(TestPaths.TestData, file));

        AssertScriptValues(dataset);
    }

    [Fact]
    public void Load_FilesWrittenByNumpyNow_HoldTheScriptsValues()
    {
        var python = PythonNumpy.RequireNumpy();
        PythonNumpy.RunFile(python, Path.Combine(TestPaths.TestData, "make_testdata.py"), _temp.Path);

        foreach (var file in new[] { "numpy_savez.npz", "numpy_savez_compressed.npz", "numpy_converted.npz" })
        {
            AssertScriptValues(NpzDataset.Load(_temp.File(file)));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Save_FileIsReadByNumpy_WithTheSameValuesAndDtypes(bool compress)
    {
        var python = PythonNumpy.RequireNumpy();
        var dataset = NpzDatasetTests.Sample(n: 9, length: 32);
        var path = _temp.File("ours.npz");
        NpzDataset.Save(dataset, path, compress);

        var output = PythonNumpy.Run(python, """
            import sys, numpy as np
            d = np.load(sys.argv[1])
            x, y, snr, classes = d['X'], d['y'], d['snr'], d['classes']
            print(sorted(d.files))
            print(x.dtype.str, x.shape, y.dtype.str, snr.dtype.str, classes.dtype.kind, d['name'].shape, str(d['name']))
            print(','.join(classes.tolist()))
            print(x.view(np.uint32).astype(np.uint64).sum(), int(y.sum()), int(snr.sum()))
            """, path);

        var lines = output.Split('\n');
        Assert.Equal("['X', 'classes', 'name', 'snr', 'y']", lines[0]);
        Assert.Equal("<f4 (9, 2, 32) <i8 <i4 U () rml2016", lines[1]);
        Assert.Equal(string.Join(',', dataset.Classes), lines[2]);
        var bitSum = dataset.X.Aggregate(0UL, (a, v) => a + BitConverter.SingleToUInt32Bits(v));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{bitSum} {dataset.Y.Sum()} {dataset.Snr!.Sum()}"), lines[3]);
    }

    private static void AssertScriptValues(SignalDataset dataset)
    {
        Assert.Equal(16, dataset.Length);
        Assert.Equal(TestDataValues.NpzX(), dataset.X);
        Assert.Equal(TestDataValues.NpzY, dataset.Y);
        Assert.Equal(TestDataValues.NpzSnr, dataset.Snr);
        Assert.Equal(TestDataValues.NpzClasses, dataset.Classes);
    }
}
