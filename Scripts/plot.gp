# gnuplot: trust of one state in another over time, median and 5–95% band across replicates.
#   Rscript-free, Python-free: needs gnuplot ≥ 5 and awk/sort.
#   gnuplot -e "dir='Results/csto-2018-2024'; from='ARM'; to='RUS'" Scripts/plot.gp
# Writes DIR/trust_FROM_TO_gnuplot.png.
if (!exists("dir")) dir = 'Results/csto-2018-2024'
if (!exists("from")) from = 'ARM'
if (!exists("to")) to = 'RUS'

# Per date: 5%, 50% and 95% quantiles (nearest rank) of trust across replicates, via awk and sort.
quantiles = sprintf("< awk -F, -v f=%s -v t=%s 'NR>1 && $4==f && $5==t {print $3\",\"$6}' '%s/trust.csv' | sort -t, -k1,1 -k2,2g | awk -F, '{d[NR]=$1; v[NR]=$2} END {i=1; while (i<=NR) {j=i; while (j<=NR && d[j]==d[i]) j++; n=j-i; printf \"%%s %%s %%s %%s\\n\", d[i], v[i+int(0.05*(n-1))], v[i+int(0.5*(n-1))], v[i+int(0.95*(n-1))]; i=j}}'", from, to, dir)

set terminal pngcairo size 900,500
set output sprintf("%s/trust_%s_%s_gnuplot.png", dir, from, to)
set title sprintf("Trust of %s in %s (median, 5–95%% across replicates)", from, to)
set xdata time
set timefmt "%Y-%m"
set format x "%Y"
set xlabel "date"
set ylabel "trust (−1 to 1)"
set yrange [-1.05:1.05]
set grid
plot quantiles using 1:2:4 with filledcurves lc rgb "#c6dbef" title "5–95%", \
     "" using 1:3 with lines lw 2 lc rgb "#08519c" title "median"
