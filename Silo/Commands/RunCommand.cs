using System.CommandLine;
using CloudEdge.Cli;
using CloudEdge.Grains.Teacher;
using CloudEdge.Signals.Data;
using CloudEdge.Silo.Federation;
using CloudEdge.Silo.Hosting;
using CloudEdge.Silo.Ingest;

namespace CloudEdge.Silo.Commands;

/// <summary><c>Silo run</c> (the default command): host the cloud until Ctrl-C.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var cloudPort = Opt.Create("--cloud-port", "Orleans gateway port the edges connect to", 9999).Check(p => p is > 0 and < 65536, "must be a TCP port");
        var siloPort = Opt.Create("--silo-port", "silo-to-silo port", 11111).Check(p => p is > 0 and < 65536, "must be a TCP port");
        var dashboardPort = Opt.Create("--dashboard-port", "Orleans dashboard HTTP port", 8080).Check(p => p is > 0 and < 65536, "must be a TCP port");
        var ingestPort = Opt.Create("--ingest-port", "NetMQ ROUTER port devices stream to in mode B (device → cloud); 0 = off", 5556).Check(p => p is >= 0 and < 65536, "must be a TCP port or 0");
        var dashboardHost = Opt.Create("--dashboard-host", "address the dashboard listens on", "127.0.0.1");
        var modelPath = Opt.Optional<string>("--cloud-model-path", "teacher checkpoint to serve (its dataset comes from the checkpoint)");
        var teachersDir = Opt.Optional<string>("--teachers-dir", "folder with {dataset}/cloud_pretrain_model.ckpt teachers (e.g. models/cloud)");
        var datasetType = Opt.Optional<string>("--dataset-type", "dataset the --cloud-model-path teacher must be for").OneOfOrNull([.. DatasetCatalog.Ids]);
        var numClasses = Opt.Optional<int?>("--num-classes", "class count the --cloud-model-path teacher must have");
        var precision = Opt.Create("--teacher-precision", "teacher inference precision: fp32 or bf16", "fp32").OneOf("fp32", "bf16");
        var command = new Command("run", "Host the cloud: Orleans silo (teacher, federation and statistics grains) with the dashboard.")
        {
            cloudPort, siloPort, dashboardPort, dashboardHost, ingestPort, modelPath, teachersDir, datasetType, numClasses, precision,
        };
        var federation = new FederationOptionSet();
        foreach (var option in federation.RunOptions)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var overrides = new Dictionary<string, string?>
            {
                [$"{CloudOptions.Section}:{nameof(CloudOptions.CloudPort)}"] = parse.GetValue(cloudPort).ToString(System.Globalization.CultureInfo.InvariantCulture),
                [$"{CloudOptions.Section}:{nameof(CloudOptions.SiloPort)}"] = parse.GetValue(siloPort).ToString(System.Globalization.CultureInfo.InvariantCulture),
                [$"{CloudOptions.Section}:{nameof(CloudOptions.DashboardPort)}"] = parse.GetValue(dashboardPort).ToString(System.Globalization.CultureInfo.InvariantCulture),
                [$"{CloudOptions.Section}:{nameof(CloudOptions.DashboardHost)}"] = parse.GetValue(dashboardHost),
                [$"{TeacherOptions.Section}:{nameof(TeacherOptions.Precision)}"] = parse.GetValue(precision),
                [$"{IngestOptions.Section}:{nameof(IngestOptions.Port)}"] = parse.GetValue(ingestPort).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            foreach (var (key, value) in federation.Overrides(parse, parse.GetValue(datasetType), parse.GetValue(numClasses)))
            {
                overrides[key] = value;
            }

            var teachers = TeacherDiscovery.Find(parse.GetValue(modelPath), parse.GetValue(teachersDir), parse.GetValue(datasetType), parse.GetValue(numClasses));
            foreach (var (dataset, path) in teachers)
            {
                overrides[$"{TeacherOptions.Section}:{nameof(TeacherOptions.Checkpoints)}:{dataset}"] = path;
            }

            await using var app = CloudHost.Build(overrides);
            await app.RunAsync(ct == default ? CancellationToken.None : ct).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
