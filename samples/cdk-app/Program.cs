using Amazon.CDK;

namespace Northwind.Parcel
{
    public static class Program
    {
        public static void Main()
        {
            var app = new App();
            _ = new RegistryStack(app, "ParcelRegistry");
            _ = new ServiceStack(app, "ParcelService");
            _ = new SortingClusterStack(app, "ParcelSortingCluster");
            _ = new TrackingClusterStack(app, "ParcelTrackingCluster");
            _ = new BillingClusterStack(app, "ParcelBillingCluster");
            app.Synth();
        }
    }
}
