# gnuplot: trust of one state in another over time, median and 5–95% band across replicates.
#   Python-free: needs gnuplot ≥ 5 and awk/sort.
#   gnuplot -e "dir='Results/csto-2018-2024'; from='ARM'; to='RUS'" Scripts/plot.gp
#   optional: fmt='svg' (or 'pdf'; default 'png')
# Writes DIR/trust_FROM_TO_gnuplot.png (.svg, .pdf). Reads any calendar (labels YYYY, YYYY-MM or YYYY-MM-DD).
if (!exists("dir")) dir = 'Results/csto-2018-2024'
if (!exists("from")) from = 'ARM'
if (!exists("to")) to = 'RUS'
if (!exists("fmt")) fmt = 'png'

file = sprintf("%s/trust.csv", dir)
# Per date: 5%, 50% and 95% quantiles (nearest rank) of trust across replicates, via awk and sort.
quantiles = sprintf("< awk -F, -v f=%s -v t=%s 'NR>1 && $4==f && $5==t {print $3\",\"$6}' '%s' | sort -t, -k1,1 -k2,2g | awk -F, '{d[NR]=$1; v[NR]=$2} END {i=1; while (i<=NR) {j=i; while (j<=NR && d[j]==d[i]) j++; n=j-i; printf \"%%s %%s %%s %%s\\n\", d[i], v[i+int(0.05*(n-1))], v[i+int(0.5*(n-1))], v[i+int(0.95*(n-1))]; i=j}}'", from, to, file)
replicates = int(system(sprintf("awk -F, -v f=%s -v t=%s 'NR>1 && $4==f && $5==t {print $1}' '%s' | sort -u | wc -l", from, to, file)))
if (replicates == 0) { print sprintf("error: %s has no trust of %s in %s", file, from, to); exit status 1 }

# The calendar's label format, from the length of the first label (yearly, monthly/quarterly, daily/weekly).
width = int(system(sprintf("awk -F, 'NR==2 {print length($3)}' '%s'", file)))
labels = (width == 4) ? "%Y" : (width == 7) ? "%Y-%m" : "%Y-%m-%d"

# Tick labels: gnuplot chooses the tick spacing, so a year-only format repeats a year on half-year ticks
# ("2016 2016 2017"). Years only when the run spans more than six years, else year and month.
stats quantiles using (timecolumn(1, labels)) nooutput
set xdata time
set timefmt labels
span_years = (STATS_max - STATS_min) / (365.25 * 86400)
set format x (span_years > 6 ? "%Y" : (span_years > 0.5 ? "%Y-%m" : "%Y-%m-%d"))
if (span_years > 6) { set xtics 365.25 * 86400 * (span_years > 15 ? 5 : 1) }

if (fmt eq 'svg') { set terminal svg size 900,500 dynamic enhanced } else { if (fmt eq 'pdf') { set terminal pdfcairo size 9in,5in } else { set terminal pngcairo size 900,500 } }
set output sprintf("%s/trust_%s_%s_gnuplot.%s", dir, from, to, fmt)
set title sprintf("Trust of %s in %s: median and 5–95%% band across %d replicates", from, to, replicates)
set xlabel "date"
set ylabel "trust (−1 to 1)"
set yrange [-1.05:1.05]
set grid
set key top right
plot quantiles using 1:2:4 with filledcurves lc rgb "#A6CEE3" title "5–95% of replicates", \
     "" using 1:3 with lines lw 2 lc rgb "#0072B2" title "median"
